package dev.ddbstreams.runtime.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A from-scratch SigV4 computation, written from the published algorithm, to check the signatures the runtime
 * produces with the AWS SDK's signer. Deliberately minimal: one value per query parameter, paths without characters
 * to encode.
 */
final class IndependentSigV4 {

    private IndependentSigV4() {}

    /**
     * The expected {@code Authorization} header.
     *
     * @param headers the headers to sign, by lower case name, in any order
     * @param amzDate the request's {@code X-Amz-Date}, such as {@code 20150830T123600Z}
     */
    static String authorization(String method, String path, Map<String, String> headers, byte[] body,
                                String accessKeyId, String secretKey, String region, String service,
                                String amzDate) {
        return authorization(method, path, Map.of(), headers, body, accessKeyId, secretKey, region, service, amzDate);
    }

    /** The expected {@code Authorization} header of a request with the (decoded) query parameters {@code query}. */
    static String authorization(String method, String path, Map<String, String> query, Map<String, String> headers,
                                byte[] body, String accessKeyId, String secretKey, String region, String service,
                                String amzDate) {
        List<String> names = headers.keySet().stream().sorted().toList();
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : names) {
            canonicalHeaders.append(name).append(':').append(headers.get(name).trim().replaceAll(" +", " "))
                    .append('\n');
        }
        String signedHeaders = String.join(";", names);
        String canonicalRequest = method + "\n"
                + path + "\n"
                + canonicalQuery(query) + "\n"
                + canonicalHeaders + "\n"
                + signedHeaders + "\n"
                + hex(sha256(body));

        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));

        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        return "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    /**
     * The expected {@code X-Amz-Signature} of a query-string signed (presigned) request.
     *
     * @param query the query parameters other than {@code X-Amz-Signature}, decoded
     * @param headers the signed headers, by lower case name
     */
    static String presignedSignature(String method, String path, Map<String, String> query, Map<String, String> headers,
                                     byte[] body, String secretKey, String region, String service, String amzDate) {
        String canonicalQuery = canonicalQuery(query);
        List<String> names = headers.keySet().stream().sorted().toList();
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : names) {
            canonicalHeaders.append(name).append(':').append(headers.get(name).trim()).append('\n');
        }
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + String.join(";", names) + "\n" + hex(sha256(body));
        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        return hex(hmac(key, stringToSign));
    }

    private static String canonicalQuery(Map<String, String> query) {
        return query.entrySet().stream()
                .map(e -> uriEncode(e.getKey()) + "=" + uriEncode(e.getValue()))
                .sorted()
                .collect(java.util.stream.Collectors.joining("&"));
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters as they are, everything else %XX. */
    private static String uriEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    /** The hex SHA-256 of {@code data}, as in {@code X-Amz-Content-Sha256}. */
    static String sha256Hex(byte[] data) {
        return hex(sha256(data));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
