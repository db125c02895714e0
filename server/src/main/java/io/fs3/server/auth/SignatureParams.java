package io.fs3.server.auth;

import java.util.List;

/**
 * The signature parameters of one request, from either the Authorization header or a presigned
 * query.
 *
 * @param accessKey     access key from the credential
 * @param date          credential scope date, {@code yyyymmdd}
 * @param region        credential scope region
 * @param service       credential scope service
 * @param signedHeaders lower-case names, in the client's order
 * @param signature     the signature as sent
 */
record SignatureParams(String accessKey, String date, String region, String service, List<String> signedHeaders,
                       String signature) {

    String scope() {
        return SigV4Signing.scope(date, region, service);
    }
}
