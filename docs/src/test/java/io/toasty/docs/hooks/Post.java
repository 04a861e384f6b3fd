package io.toasty.docs.hooks;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A post of docs/hooks.md. */
@Model
public record Post(@Key @Auto UUID id, String title, boolean pinned) {}
