package io.fs3.server.auth;

import com.google.common.base.CharMatcher;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses the SigV4 Authorization header and the credential/signed-headers parts shared with presigned
 * URLs. Error messages follow AWS's wording for AuthorizationHeaderMalformed and
 * AuthorizationQueryParametersError.
 */
final class SignatureParser {
    static final String SERVICE = "s3";
    private static final CharMatcher DIGITS = CharMatcher.inRange('0', '9');

    /** Where the parameters came from: decides the error code and message prefix. */
    enum Style {
        HEADER(S3Error.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; "),
        QUERY(S3Error.AUTHORIZATION_QUERY_PARAMETERS_ERROR, "Error parsing the X-Amz-Credential parameter; ");

        final S3Error error;
        final String prefix;

        Style(S3Error error, String prefix) {
            this.error = error;
            this.prefix = prefix;
        }

        S3Exception error(String message) {
            return S3Exception.of(error, prefix + message);
        }
    }

    private SignatureParser() {
    }

    /**
     * Parses {@code AWS4-HMAC-SHA256 Credential=AK/date/region/s3/aws4_request, SignedHeaders=a;b,
     * Signature=hex}. Components may be separated by ',' with or without spaces, in any order.
     */
    static SignatureParams parseHeader(String authorization, String region) {
        String rest = authorization.substring(SigV4Signing.ALGORITHM.length());
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : rest.split(",")) {
            String component = part.strip();
            int eq = component.indexOf('=');
            String name = eq < 0 ? component : component.substring(0, eq).strip();
            String value = eq < 0 ? null : component.substring(eq + 1).strip();
            switch (name) {
                case "Credential" -> credential = once(credential, value);
                case "SignedHeaders" -> signedHeaders = once(signedHeaders, value);
                case "Signature" -> signature = once(signature, value);
                case "" -> { }
                default -> throw malformedHeader();
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformedHeader();
        }
        return credential(credential, Style.HEADER, region, signedHeaders(signedHeaders, Style.HEADER), signature);
    }

    /**
     * Splits {@code AK/yyyymmdd/region/service/aws4_request} (the access key is everything before the
     * last four parts) and checks region, service and terminator.
     */
    static SignatureParams credential(String credential, Style style, String region, List<String> signedHeaders,
                                      String signature) {
        String[] parts = credential.split("/", -1);
        if (parts.length < 5) {
            throw style.error("the Credential is mal-formed; expecting "
                    + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        int n = parts.length;
        int keyEnd = credential.length();
        for (int i = 0; i < 4; i++) {
            keyEnd = credential.lastIndexOf('/', keyEnd - 1);
        }
        String accessKey = credential.substring(0, keyEnd); // the parts before the last four, slashes and all
        String date = parts[n - 4];
        if (accessKey.isEmpty() || date.length() != 8 || !DIGITS.matchesAllOf(date)) {
            throw style.error("the Credential is mal-formed; expecting "
                    + "\"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        if (!parts[n - 3].equals(region)) {
            throw style.error("the region '" + parts[n - 3] + "' is wrong; expecting '" + region + "'")
                    .withDetail("Region", region);
        }
        if (!parts[n - 2].equals(SERVICE)) {
            throw style.error("incorrect service \"" + parts[n - 2] + "\". This endpoint belongs to \""
                    + SERVICE + "\".");
        }
        if (!parts[n - 1].equals(SigV4Signing.TERMINATOR)) {
            throw style.error("incorrect terminal \"" + parts[n - 1] + "\". This endpoint uses \""
                    + SigV4Signing.TERMINATOR + "\".");
        }
        return new SignatureParams(accessKey, date, parts[n - 3], parts[n - 2], signedHeaders, signature);
    }

    /** Splits {@code a;b;c} into lower-case names; {@code host} must be among them. */
    static List<String> signedHeaders(String value, Style style) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(";")) {
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        if (!names.contains("host")) {
            throw S3Exception.of(style.error, style == Style.HEADER
                    ? "The authorization header is malformed; 'host' must be a signed header."
                    : "Query-string authentication requires 'host' in X-Amz-SignedHeaders.");
        }
        return List.copyOf(names);
    }

    private static String once(String previous, String value) {
        if (previous != null || value == null || value.isEmpty()) {
            throw malformedHeader();
        }
        return value;
    }

    static S3Exception malformedHeader() {
        return S3Exception.of(S3Error.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; "
                + "the authorization header requires three components: Credential, SignedHeaders, and Signature.");
    }
}
