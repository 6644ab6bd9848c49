package io.github.devpayls.ls.simulator;

import io.github.devpayls.ls.contract.ErrorCode;
import io.github.devpayls.ls.contract.RestErrorResponse;
import io.github.devpayls.ls.contract.RestQuery;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.Arrays;

/**
 * Serves REST-Query on the SOAP endpoint, in front of CXF: a GET with a query (other than
 * {@code ?wsdl}/{@code ?xsd}), and a POST with {@code Action} in the query (empty body) or a form
 * body, are answered by {@link RestQueryService}; everything else goes on to CXF. Which requests
 * are REST-Query is decided by {@link #isRestQuery} alone, from the method, headers and query,
 * before any body is read.
 */
final class RestQueryHandler extends Handler.Wrapper {

    private static final String SOAP_ACTION = "SOAPAction";

    private final RestQueryService service;

    RestQueryHandler(Handler cxf, RestQueryService service) {
        super(cxf);
        this.service = service;
    }

    /**
     * @return whether the request is REST-Query rather than SOAP or a request for the contract:
     *         a GET with a query that does not ask for the WSDL or XSD; a POST with a form body,
     *         or with {@code Action} in the query and neither a SOAPAction header nor an XML body
     */
    static boolean isRestQuery(Request request) {
        String query = request.getHttpURI().getQuery();
        boolean hasQuery = query != null && !query.isEmpty();
        if (HttpMethod.GET.is(request.getMethod())) {
            return hasQuery && names(query).noneMatch(SimulatorFacts.CONTRACT_QUERY_PARAMETERS::contains);
        }
        if (!HttpMethod.POST.is(request.getMethod())) {
            return false;
        }
        String contentType = mediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        if (contentType.equals(SimulatorFacts.FORM_CONTENT_TYPE)) {
            return true;
        }
        boolean soap = request.getHeaders().contains(SOAP_ACTION) || contentType.endsWith("/xml")
                || contentType.endsWith("+xml");
        return !soap && hasQuery && names(query).anyMatch(name -> name.equals(RestQuery.ACTION.toLowerCase(Locale.ROOT)));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!isRestQuery(request)) {
            return super.handle(request, response, callback);
        }
        RestQueryService.Answer answer;
        try {
            answer = service.answer(parameters(request));
        } catch (ServiceRefusal refusal) {
            Content.Source.consumeAll(request);
            answer = service.refuse(refusal);
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, RestErrorResponse.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** The query's parameters and, for a form POST, the body's; each name at most once. */
    private static Map<String, String> parameters(Request request) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = request.getHttpURI().getQuery();
        if (query != null) {
            decodeInto(query, parameters);
        }
        if (HttpMethod.POST.is(request.getMethod())) {
            decodeInto(formBody(request), parameters);
        }
        return parameters;
    }

    /** Reads at most {@link SimulatorFacts#MAX_FORM_BODY_BYTES}; a longer body is refused unread. */
    private static String formBody(Request request) throws IOException {
        long declared = request.getLength();
        int limit = SimulatorFacts.MAX_FORM_BODY_BYTES;
        if (declared > limit) {
            throw tooLarge();
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge();
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static ServiceRefusal tooLarge() {
        return new ServiceRefusal(ErrorCode.INVALID_QUERY_PARAMETER,
                String.format(SimulatorFacts.MESSAGE_FORM_TOO_LARGE, SimulatorFacts.MAX_FORM_BODY_BYTES));
    }

    /** Decodes {@code name=value&...} ({@code +} is a space, as in every form encoding). */
    private static void decodeInto(String encoded, Map<String, String> parameters) {
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.containsKey(name)) {
                throw new ServiceRefusal(ErrorCode.INVALID_QUERY_PARAMETER,
                        String.format(SimulatorFacts.MESSAGE_REPEATED_PARAMETER, name));
            }
            if (parameters.size() >= SimulatorFacts.MAX_QUERY_PARAMETERS) {
                throw new ServiceRefusal(ErrorCode.INVALID_QUERY_PARAMETER,
                        String.format(SimulatorFacts.MESSAGE_TOO_MANY_PARAMETERS, SimulatorFacts.MAX_QUERY_PARAMETERS));
            }
            parameters.put(name, value);
        }
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ServiceRefusal(ErrorCode.INVALID_QUERY_PARAMETER, SimulatorFacts.MESSAGE_MALFORMED_QUERY);
        }
    }

    /** The lower-cased, decoded names in a query, for classification only (never fails). */
    private static Stream<String> names(String query) {
        return Arrays.stream(query.split("&")).map(pair -> {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                return URLDecoder.decode(name, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                return name.toLowerCase(Locale.ROOT);
            }
        });
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }
}
