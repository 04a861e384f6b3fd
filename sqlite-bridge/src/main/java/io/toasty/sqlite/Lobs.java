package io.toasty.sqlite;

import io.r2dbc.spi.Blob;
import io.r2dbc.spi.Clob;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reads the {@link Blob} and {@link Clob} values of a binding set, before it is run. */
final class Lobs {
  private Lobs() {}

  /** {@code values} with every Blob read into a byte[] and every Clob into a String. */
  static Mono<Object[]> resolve(Object[] values) {
    boolean any = false;
    for (Object v : values) {
      any |= v instanceof Blob || v instanceof Clob;
    }
    if (!any) {
      return Mono.just(values);
    }
    Object[] resolved = values.clone();
    return Flux.range(0, values.length)
        .concatMap(i -> read(values[i]).doOnNext(v -> resolved[i] = v))
        .then(Mono.fromSupplier(() -> resolved));
  }

  private static Mono<Object> read(Object value) {
    if (value instanceof Blob blob) {
      return Flux.from(blob.stream())
          .reduce(new ByteArrayOutputStream(), (out, buffer) -> {
            ByteBuffer b = buffer.duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            out.write(bytes, 0, bytes.length);
            return out;
          })
          .map(out -> (Object) out.toByteArray())
          .defaultIfEmpty(new byte[0]);
    }
    if (value instanceof Clob clob) {
      return Flux.from(clob.stream())
          .reduce(new StringBuilder(), StringBuilder::append)
          .map(out -> (Object) out.toString())
          .defaultIfEmpty("");
    }
    return Mono.empty();
  }
}
