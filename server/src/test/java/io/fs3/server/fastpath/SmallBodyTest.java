package io.fs3.server.fastpath;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.AsyncContent;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class SmallBodyTest {
    private static final byte[] BODY = "twenty bytes of body".getBytes(StandardCharsets.US_ASCII);

    private static void write(AsyncContent content, int from, int to, boolean last) {
        content.write(last, ByteBuffer.wrap(BODY, from, to - from), Callback.NOOP);
    }

    @Test
    void aBodyThatHasArrivedIsTakenWithoutWaiting() {
        AsyncContent content = new AsyncContent();
        write(content, 0, 7, false);
        write(content, 7, BODY.length, true);
        SmallBody body = new SmallBody(BODY.length);
        assertThat(body.readArrived(content)).isTrue();
        assertThat(body.readRest(content)).isTrue();
        assertThat(body.bytes()).isEqualTo(BODY);
    }

    @Test
    void theRestIsReadLaterAndBlocking() throws Exception {
        AsyncContent content = new AsyncContent();
        write(content, 0, 5, false);
        SmallBody body = new SmallBody(BODY.length);
        assertThat(body.readArrived(content)).as("not all here yet").isFalse();
        Thread late = new Thread(() -> write(content, 5, BODY.length, true));
        late.start();
        assertThat(body.readRest(content)).isTrue();
        late.join();
        assertThat(body.bytes()).isEqualTo(BODY);
    }

    @Test
    void readAllWaitsForTheRestWithoutBlocking() {
        AsyncContent content = new AsyncContent();
        write(content, 0, 5, false);
        SmallBody body = new SmallBody(BODY.length);
        AtomicInteger done = new AtomicInteger();
        body.readAll(content, done::incrementAndGet);
        assertThat(done).as("returned at once, still waiting").hasValue(0);
        write(content, 5, 12, false);
        assertThat(done).hasValue(0);
        write(content, 12, BODY.length, true);
        assertThat(done).hasValue(1);
        assertThat(body.readRest(content)).isTrue();
        assertThat(body.bytes()).isEqualTo(BODY);
    }

    @Test
    void aShortBodyIsReplayedAsSentWithItsEnd() {
        AsyncContent content = new AsyncContent();
        write(content, 0, 5, true);
        SmallBody body = new SmallBody(BODY.length);
        assertThat(body.readArrived(content)).as("ended").isTrue();
        assertThat(body.readRest(content)).isFalse();
        List<Content.Chunk> replay = body.replay();
        assertThat(replay).hasSize(2);
        assertThat(replay.get(0).remaining()).isEqualTo(5);
        assertThat(replay.get(1).isLast()).isTrue();
        assertThat(Content.Chunk.isFailure(replay.get(1))).isFalse();
    }

    @Test
    void aFailureWhileReadingIsReplayedToo() {
        AsyncContent content = new AsyncContent();
        write(content, 0, 3, false);
        EOFException gone = new EOFException("client went away");
        content.fail(gone);
        SmallBody body = new SmallBody(BODY.length);
        body.readArrived(content);
        assertThat(body.readRest(content)).isFalse();
        List<Content.Chunk> replay = body.replay();
        Content.Chunk end = replay.get(replay.size() - 1);
        assertThat(Content.Chunk.isFailure(end)).isTrue();
        assertThat(end.getFailure()).isSameAs(gone);
    }
}
