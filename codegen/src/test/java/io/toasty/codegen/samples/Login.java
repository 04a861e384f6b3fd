package io.toasty.codegen.samples;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.OnUpdate;
import io.toasty.annotations.Sensitive;
import java.util.UUID;

/** A model with sensitive fields, one of them also generated on update. */
@Model
public record Login(@Key String user, @Sensitive String password, String note,
    @Sensitive @OnUpdate("uuid()") UUID nonce) {}
