package io.fs3.multipart;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompletionPlanTest {
    private static final long MIN = 5L << 20;
    private static final String E1 = "11111111111111111111111111111111";
    private static final String E2 = "22222222222222222222222222222222";
    private static final String E3 = "33333333333333333333333333333333";
    private final Map<Integer, PartInfo> stored = Map.of(
            1, stored(1, E1, MIN), 2, stored(2, E2, MIN), 3, stored(3, E3, 10), 5, stored(5, E3, 1));

    @Test
    void onlyTheListedPartsInRequestOrderMakeTheObject() {
        List<PartInfo> parts = CompletionPlan.validate(List.of(req(1, '"' + E1 + '"'), req(3, E3)), stored, MIN, null);
        assertThat(parts).extracting(PartInfo::number).containsExactly(1, 3);
    }

    @Test
    void partsOutOfOrderOrRepeatedAreInvalidPartOrder() {
        expect(() -> CompletionPlan.validate(List.of(req(2, E2), req(1, E1)), stored, MIN, null), S3Error.INVALID_PART_ORDER);
        expect(() -> CompletionPlan.validate(List.of(req(1, E1), req(1, E1)), stored, MIN, null), S3Error.INVALID_PART_ORDER);
    }

    @Test
    void aMissingPartIsInvalidPart() {
        expect(() -> CompletionPlan.validate(List.of(req(1, E1), req(4, E3)), stored, MIN, null), S3Error.INVALID_PART);
    }

    @Test
    void aMissingPartIsReportedBeforeATooSmallOne() {
        expect(() -> CompletionPlan.validate(List.of(req(3, E3), req(4, E3)), stored, MIN, null), S3Error.INVALID_PART);
    }

    @Test
    void aWrongEtagIsInvalidPart() {
        expect(() -> CompletionPlan.validate(List.of(req(1, E2), req(3, E3)), stored, MIN, null), S3Error.INVALID_PART);
        expect(() -> CompletionPlan.validate(List.of(new CompletedPart(1, null, Map.of())), stored, MIN, null),
                S3Error.INVALID_PART);
    }

    @Test
    void aChecksumThatDiffersFromTheStoredOneIsInvalidPart() {
        Map<Integer, PartInfo> withCrc = Map.of(1, new PartInfo(1, E1, 10, Instant.EPOCH, Map.of("crc32", "AAAAAA==")));
        expect(() -> CompletionPlan.validate(List.of(new CompletedPart(1, E1, Map.of("crc32", "AAAAAQ=="))), withCrc,
                MIN, null), S3Error.INVALID_PART);
        assertThat(CompletionPlan.validate(List.of(new CompletedPart(1, E1, Map.of("crc32", "AAAAAA=="))), withCrc, MIN,
                null)).hasSize(1);
    }

    @Test
    void aSmallPartBeforeTheLastIsEntityTooSmall() {
        expect(() -> CompletionPlan.validate(List.of(req(3, E3), req(5, E3)), stored, MIN, null), S3Error.ENTITY_TOO_SMALL);
        // the last part may be small
        assertThat(CompletionPlan.validate(List.of(req(2, E2), req(3, E3)), stored, MIN, null)).hasSize(2);
    }

    @Test
    void moreThanTenThousandPartsOrNoneAreRefused() {
        List<CompletedPart> many = new ArrayList<>();
        IntStream.rangeClosed(1, 10_001).forEach(i -> many.add(req(i, E1)));
        expect(() -> CompletionPlan.checkShape(many), S3Error.INVALID_ARGUMENT);
        expect(() -> CompletionPlan.checkShape(List.of()), S3Error.MALFORMED_XML);
        expect(() -> CompletionPlan.checkShape(List.of(req(10_001, E1))), S3Error.INVALID_ARGUMENT);
        expect(() -> CompletionPlan.checkShape(List.of(req(0, E1))), S3Error.INVALID_ARGUMENT);
        CompletionPlan.checkShape(many.subList(0, 10_000));
    }

    @Test
    void aDeclaredObjectSizeMustMatchTheParts() {
        expect(() -> CompletionPlan.validate(List.of(req(1, E1), req(3, E3)), stored, MIN, MIN + 11), S3Error.INVALID_REQUEST);
        assertThat(CompletionPlan.validate(List.of(req(1, E1), req(3, E3)), stored, MIN, MIN + 10)).hasSize(2);
    }

    private static void expect(Runnable r, S3Error error) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private static CompletedPart req(int n, String etag) {
        return new CompletedPart(n, etag, Map.of());
    }

    private static PartInfo stored(int n, String etag, long size) {
        return new PartInfo(n, etag, size, Instant.EPOCH, Map.of());
    }
}
