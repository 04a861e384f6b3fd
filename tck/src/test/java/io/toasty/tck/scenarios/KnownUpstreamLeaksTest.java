package io.toasty.tck.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which leaks the fault and load families count as the drivers' own: by where the buffer was
 * created, never by where it was last touched (a library frame that touched a driver's buffer
 * does not make it the library's, and the reverse).
 */
class KnownUpstreamLeaksTest {
  private static String leak(String createdAt) {
    return "LEAK: ByteBuf.release() was not called\nRecent access records:\n#1:\n"
        + "\tio.toasty.r2dbc.RowStream$Rows.onNext(RowStream.java:169)\nCreated at:\n"
        + "\tio.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:96)\n"
        + "\t" + createdAt + "\n";
  }

  @Test
  void aBindParameterThePostgresCodecEncodedIsTheDrivers() {
    assertTrue(FaultChecks.knownUpstream(leak(
        "io.r2dbc.postgresql.codec.AbstractNumericCodec.doEncodeNumber(AbstractNumeric"
            + "Codec.java:106)")));
    assertTrue(FaultChecks.knownUpstream(leak(
        "io.r2dbc.postgresql.util.ByteBufUtils.encode(ByteBufUtils.java:57)")));
  }

  @Test
  void aBufferTheLibraryCreatedIsNeverExcused() {
    assertFalse(FaultChecks.knownUpstream(leak(
        "io.toasty.r2dbc.ParameterValues.bind(ParameterValues.java:40)")));
    assertFalse(FaultChecks.knownUpstream("LEAK: no creation record\n"
        + "\tio.r2dbc.postgresql.codec.StringCodec.doEncode(StringCodec.java:69)\n"));
  }
}
