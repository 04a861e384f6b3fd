package io.toasty.example.blog;

import io.toasty.HasMany;
import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Unique;

/** A label posts share. */
@Model
public record Tag(@Key @Auto long id, @Unique String label, HasMany<Tagging> taggings,
    @HasMany.Via("taggings.post") HasMany<Post> posts) {}
