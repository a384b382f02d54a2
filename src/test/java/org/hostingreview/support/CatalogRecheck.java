package org.hostingreview.support;

import java.net.URI;

import io.restassured.response.Response;

/**
 * A catalog change re-checks decisions and estimates in the background: a test waits for it the way an admin does, by
 * reloading the page the change redirected to until it says the re-check is done (polled, never a fixed sleep).
 */
public final class CatalogRecheck {

    private CatalogRecheck() {
    }

    /** Follows the 303 of a catalog change and waits until its page reports the re-check done; returns that page. */
    public static String awaitDone(WebSession session, Response change) {
        String location = change.getHeader("Location");
        if (change.statusCode() != 303 || location == null) {
            throw new AssertionError("Not a catalog change: " + change.statusCode() + "\n" + change.asString());
        }
        URI uri = URI.create(location);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            String page = session.get(path).then().statusCode(200).extract().asString();
            if (page.contains("data-recheck=\"done\"")) {
                return page;
            }
            if (!page.contains("data-recheck=\"running\"")) {
                throw new AssertionError("The page of the change says nothing of a re-check:\n" + page);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("The re-check was still running after two minutes:\n" + page);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
