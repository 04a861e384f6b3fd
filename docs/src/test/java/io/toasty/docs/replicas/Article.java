package io.toasty.docs.replicas;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The model of the read replicas section of docs/databases.md. */
@Model
public record Article(@Key @Auto UUID id, String title) {}
