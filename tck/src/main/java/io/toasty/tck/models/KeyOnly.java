package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import java.util.UUID;

/** The smallest model: a generated UUID key and nothing else. Entry class {@code KeyOnlies}. */
@Model
public record KeyOnly(@Key @Auto UUID id) {}
