package org.hostingreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Requests the HTTP codec refuses before any route runs still get the security headers: written to the socket by
 * hand, because an HTTP client would refuse to send most of them.
 */
@QuarkusTest
class HttpLayerRefusalsTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aRequestLineOverTheLimitIs414WithSecurityHeaders() throws IOException {
        String answer = raw("GET /proposals?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(statusLine(answer)).contains(" 414 ");
        assertSecurityHeaders(answer);
    }

    @Test
    void headersOverTheLimitAre431WithSecurityHeaders() throws IOException {
        String answer = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "p".repeat(40_000) + "\r\n\r\n");
        assertThat(statusLine(answer)).contains(" 431 ");
        assertSecurityHeaders(answer);
    }

    @Test
    void aRequestTheCodecCannotParseIs400WithSecurityHeaders() throws IOException {
        String answer = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nBad Header Name: x\r\n\r\n");
        assertThat(statusLine(answer)).contains(" 400 ");
        assertSecurityHeaders(answer);
    }

    @Test
    void aBodyOverTheMaximumSizeIs413WithSecurityHeadersAndSaysNothingWasSaved() throws IOException {
        org.hostingreview.support.WebSession dana = org.hostingreview.support.WebSession.as("dana");
        String answer = raw("POST /admin/teams HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Cookie: hr_session=" + dana.cookie("hr_session") + "\r\n"
                + "Content-Length: 20000000\r\nConnection: close\r\n\r\nname=x");
        assertThat(statusLine(answer)).contains(" 413 ");
        assertSecurityHeaders(answer);
        assertThat(answer).contains("Too large to send").contains("Nothing was saved").contains("19 MB")
                .contains("Your browser still has what you typed");
    }

    @Test
    void anOrdinaryPageStillAnswersAfterwards() throws IOException {
        String answer = raw("GET /login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(statusLine(answer)).contains(" 200 ");
        assertSecurityHeaders(answer);
    }

    private static void assertSecurityHeaders(String answer) {
        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n"))).toLowerCase();
        assertThat(head).as(answer).contains("x-content-type-options: nosniff").contains("content-security-policy: ")
                .contains("x-frame-options: deny");
    }

    private static String statusLine(String answer) {
        int end = answer.indexOf("\r\n");
        return end < 0 ? answer : answer.substring(0, end);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            try {
                while ((n = in.read(buffer)) > 0) {
                    out.write(buffer, 0, n);
                    if (out.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n") && !request.contains("Connection: close")) {
                        break;
                    }
                }
            } catch (java.net.SocketException | java.net.SocketTimeoutException e) {
                // the server closed the connection after its answer
            }
            return out.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
