package dev.ddbstreams.runtime.endpoint;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One endpoint test case: rule-set parameters and the expected URL or error. Reads our table
 * ({@code endpoint-tests.json}) and botocore's {@code endpoint-tests-1.json} into the same form.
 */
record EndpointCase(String name, String origin, Map<String, Object> params, String url, String error) {

    EndpointParams toParams() {
        return EndpointParams.builder()
                .region((String) params.get("Region"))
                .useFips(Boolean.TRUE.equals(params.get("UseFIPS")))
                .useDualStack(Boolean.TRUE.equals(params.get("UseDualStack")))
                .endpoint((String) params.get("Endpoint"))
                .build();
    }

    /** The same parameters and expectation, whatever the name and origin. */
    boolean sameAs(EndpointCase other) {
        return toParams().equals(other.toParams()) && java.util.Objects.equals(url, other.url)
                && java.util.Objects.equals(error, other.error);
    }

    @Override
    public String toString() {
        return name + " " + params;
    }

    /** The cases of our own table. */
    @SuppressWarnings("unchecked")
    static List<EndpointCase> ourTable(InputStream json) {
        Map<String, Object> document = (Map<String, Object>) read(json);
        List<EndpointCase> cases = new ArrayList<>();
        for (Object item : (List<Object>) document.get("cases")) {
            Map<String, Object> c = (Map<String, Object>) item;
            cases.add(new EndpointCase((String) c.get("name"), (String) c.get("origin"),
                    (Map<String, Object>) c.get("params"), (String) c.get("url"), (String) c.get("error")));
        }
        return cases;
    }

    /** The cases of botocore's endpoint test file. */
    @SuppressWarnings("unchecked")
    static List<EndpointCase> botocore(InputStream json) {
        Map<String, Object> document = (Map<String, Object>) read(json);
        List<EndpointCase> cases = new ArrayList<>();
        for (Object item : (List<Object>) document.get("testCases")) {
            Map<String, Object> c = (Map<String, Object>) item;
            Map<String, Object> expect = (Map<String, Object>) c.get("expect");
            Map<String, Object> endpoint = (Map<String, Object>) expect.get("endpoint");
            cases.add(new EndpointCase((String) c.get("documentation"), "official",
                    (Map<String, Object>) c.getOrDefault("params", Map.of()),
                    endpoint == null ? null : (String) endpoint.get("url"), (String) expect.get("error")));
        }
        return cases;
    }

    private static Object read(InputStream json) {
        try (JsonParser parser = new JsonFactory().createParser(json)) {
            parser.nextToken();
            return value(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    map.put(name, value(parser));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(parser));
                }
                return list;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return parser.getBooleanValue();
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalStateException("unexpected " + token + " in an endpoint test file");
        }
    }
}
