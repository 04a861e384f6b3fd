package io.toasty.codegen.samples;

import io.toasty.Secret;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.Optional;

/** A model whose secrets are {@code Secret<T>} fields, one of them optional. */
@Model
public record Vault(@Key String name, Secret<String> secret, Optional<Secret<Long>> pin,
    Secret<byte[]> blob) {}
