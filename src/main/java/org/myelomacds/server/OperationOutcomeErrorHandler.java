package org.myelomacds.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.BufferUtil;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Answers the errors Jetty produces before a request reaches the routes (request headers too large, a malformed
 * request line, …) with an OperationOutcome, like every other error of this service, instead of Jetty's HTML page.
 */
final class OperationOutcomeErrorHandler extends ErrorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    OperationOutcomeErrorHandler() {
        setShowServlet(false);
        setShowStacks(false);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json");
        return BufferUtil.toBuffer(body(status, reason));
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) throws IOException {
        baseRequest.setHandled(true);
        if (response.isCommitted()) return;
        int status = response.getStatus();
        Object message = request.getAttribute("jakarta.servlet.error.message");
        response.setContentType("application/json");
        byte[] bytes = body(status, message == null ? null : message.toString());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    static byte[] body(int status, String reason) {
        String code = switch (status) {
            case 413, 414, 431 -> "too-costly";
            case 408 -> "timeout";
            case 404 -> "not-found";
            case 405, 415, 501, 505 -> "not-supported";
            default -> status >= 500 ? "exception" : "structure";
        };
        String text = "HTTP " + status + " " + (HttpStatus.getMessage(status) == null ? "" : HttpStatus.getMessage(status))
                + (reason == null || reason.isBlank() || reason.equals(HttpStatus.getMessage(status)) ? "" : ": " + reason)
                + (status == 431 ? " (request line and headers are limited to maxRequestHeaderBytes)" : "");
        try {
            return JSON.writeValueAsBytes(OperationOutcome.error(code, text));
        } catch (JsonProcessingException e) {
            return ("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"" + code + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
        }
    }
}
