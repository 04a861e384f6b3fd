package io.toasty.codegen.samples;

import io.toasty.Secret;
import io.toasty.annotations.Projection;
import java.util.Optional;

/** A projection of {@link Vault} holding its {@code Secret<T>} fields. */
@Projection(Vault.class)
public record VaultCard(String name, Secret<String> secret, Optional<Secret<Long>> pin) {}
