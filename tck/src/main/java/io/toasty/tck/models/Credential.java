package io.toasty.tck.models;

import io.toasty.annotations.Default;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Sensitive;
import io.toasty.annotations.Unique;
import java.util.UUID;

/** A record with a sensitive, unique token: its values never appear in messages or plans. */
@Model
public record Credential(@Key UUID id, String owner, @Unique @Sensitive String token,
    @Sensitive @Default("0") byte level) {}
