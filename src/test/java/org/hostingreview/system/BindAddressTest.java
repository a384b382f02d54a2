package org.hostingreview.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the server listens: a demo (which prints its shared password) only on loopback unless told otherwise. */
class BindAddressTest {

    @Test
    void aDemoListensOnLoopbackUnlessToldOtherwise() {
        assertThat(BindAddressConfigSourceFactory.host(null, null, true)).contains("127.0.0.1");
        assertThat(BindAddressConfigSourceFactory.host(null, "0.0.0.0", true)).contains("0.0.0.0");
        assertThat(BindAddressConfigSourceFactory.host("0.0.0.0", null, true)).isEmpty();
    }

    @Test
    void outsideDemoModeQuarkusDefaultStandsUnlessHostIsSet() {
        assertThat(BindAddressConfigSourceFactory.host(null, null, false)).isEmpty();
        assertThat(BindAddressConfigSourceFactory.host(null, "10.0.0.5", false)).contains("10.0.0.5");
    }
}
