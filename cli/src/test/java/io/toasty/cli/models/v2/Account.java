package io.toasty.cli.models.v2;

import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;

/** The CLI tests' model, second version: a nickname, and an index on the name. */
@Model
@Table("cli_accounts")
public record Account(@Key String id, @Index String name, int age, Optional<String> nickname) {}
