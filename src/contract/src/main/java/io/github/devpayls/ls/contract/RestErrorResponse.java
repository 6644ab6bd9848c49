package io.github.devpayls.ls.contract;

import io.github.devpayls.ls.contract.generated.ErrorResponse;
import io.github.devpayls.ls.contract.generated.RestError;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;

import java.io.StringWriter;
import java.util.Objects;

/**
 * Writes the REST-Query error body, {@code ErrorResponse} in the 2008-04-28 namespace: one
 * {@code Error} ({@code Type}, {@code Code}, {@code Message}) then {@code RequestId}, marshalled
 * with the generated classes so the contract stays the one definition of the format. Known shape;
 * the HTTP status to send it with is {@link ErrorCode#restHttpStatus()}. Needs a JAXB runtime on
 * the class path (CXF brings one).
 */
public final class RestErrorResponse {

    /** The Content-Type the body is sent with. Decided: what AWS's Query APIs of that era sent. */
    public static final String CONTENT_TYPE = "text/xml; charset=UTF-8";

    private RestErrorResponse() {
    }

    /**
     * @param code      the error
     * @param message   the message for the caller; must hold no secret (it is sent as is, escaped)
     * @param requestId the request id of the answer
     * @return the whole XML document, UTF-8, with an XML declaration
     */
    public static String xml(ErrorCode code, String message, String requestId) {
        Objects.requireNonNull(code, "code");
        RestError error = new RestError();
        error.setType(code.type().restName());
        error.setCode(code.wireName());
        error.setMessage(Objects.requireNonNull(message, "message"));
        ErrorResponse response = new ErrorResponse();
        response.getError().add(error);
        response.setRequestId(Objects.requireNonNull(requestId, "requestId"));
        return marshal(response);
    }

    /**
     * Marshals any generated answer element (e.g. {@code VerifyProductSubscriptionByTokensResponse})
     * the way REST-Query answers are written: UTF-8, with an XML declaration, not indented.
     *
     * @param element an instance of a generated root-element class
     * @return the document's text
     */
    public static String marshal(Object element) {
        try {
            Marshaller marshaller = Contexts.CONTEXT.createMarshaller();
            marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            marshaller.marshal(Objects.requireNonNull(element, "element"), out);
            return out.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + element.getClass().getSimpleName(), e);
        }
    }

    /** One context for the generated package, built on first use (building it is slow; it is thread-safe). */
    private static final class Contexts {
        private static final JAXBContext CONTEXT = create();

        private static JAXBContext create() {
            try {
                return JAXBContext.newInstance(ErrorResponse.class.getPackageName(), ErrorResponse.class.getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot build the JAXB context of the contract", e);
            }
        }
    }
}
