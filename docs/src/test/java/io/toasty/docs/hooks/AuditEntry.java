package io.toasty.docs.hooks;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** What the hooks of docs/hooks.md write. */
@Model
public record AuditEntry(@Key @Auto UUID id, String what) {}
