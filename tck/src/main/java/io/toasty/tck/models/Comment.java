package io.toasty.tck.models;

import io.toasty.BelongsTo;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** A comment on an article: the third level of nested preloads. */
@Model
public record Comment(
    @Key @Auto UUID id,
    @Index UUID articleId,
    BelongsTo<Article> article,
    String body,
    int likes) {}
