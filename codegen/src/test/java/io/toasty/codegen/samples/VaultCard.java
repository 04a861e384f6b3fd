package io.toasty.codegen.samples;

import io.toasty.Sensitive;
import io.toasty.annotations.Projection;
import java.util.Optional;

/** A projection of {@link Vault} holding its {@code Sensitive<T>} fields. */
@Projection(Vault.class)
public record VaultCard(String name, Sensitive<String> secret, Optional<Sensitive<Long>> pin) {}
