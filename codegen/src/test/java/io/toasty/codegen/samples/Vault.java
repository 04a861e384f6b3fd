package io.toasty.codegen.samples;

import io.toasty.Sensitive;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A model whose secrets are {@code Sensitive<T>} fields, one of them optional. */
@Model
public record Vault(@Key String name, Sensitive<String> secret, Optional<Sensitive<Long>> pin,
    Sensitive<byte[]> blob) {}
