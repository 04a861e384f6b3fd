package io.toasty.cli.models.v1;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/** The CLI tests' model, first version. */
@Model
@Table("cli_accounts")
public record Account(@Key String id, String name, int age) {}
