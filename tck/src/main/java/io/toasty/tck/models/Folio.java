package io.toasty.tck.models;

import io.toasty.Deferred;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;
import java.util.Optional;

/**
 * A folio (deferred fields family, round trip): a plain title beside deferred text, optional
 * text, a number and optional bytes, each written and read back for a thousand random values.
 */
@Model
@Table("t17_folios")
public record Folio(
    @Key long id,
    String title,
    Deferred<String> body,
    Deferred<Optional<String>> note,
    Deferred<Long> count,
    Deferred<Optional<byte[]>> scan) {}
