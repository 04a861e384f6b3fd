package io.toasty.tck.models;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/**
 * A record with a database-generated integer key (an identity column): the model of the
 * scenarios whose subject is identity keys. Every other family uses keys every backend can hold.
 */
@Model
public record Serial(@Key @Auto long id, String name) {}
