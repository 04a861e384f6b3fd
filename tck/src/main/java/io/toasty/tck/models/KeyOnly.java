package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** The smallest model: an identity key and nothing else. Entry class {@code KeyOnlies}. */
@Model
public record KeyOnly(@Key @Auto long id) {}
