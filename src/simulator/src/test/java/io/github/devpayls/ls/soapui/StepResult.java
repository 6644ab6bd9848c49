package io.github.devpayls.ls.soapui;

import java.time.Duration;

/**
 * What one executed request step sent and got back.
 *
 * @param request     the SOAP envelope sent, after property expansion
 * @param status      the HTTP status
 * @param contentType the response's Content-Type, empty when absent
 * @param body        the response body, decoded with its declared charset (UTF-8 otherwise)
 * @param timeTaken   from sending the request to reading the whole response
 */
record StepResult(String request, int status, String contentType, String body, Duration timeTaken) {
}
