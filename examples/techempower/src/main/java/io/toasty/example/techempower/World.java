package io.toasty.example.techempower;

import io.toasty.annotations.Column;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/**
 * A row of TechEmpower's {@code World} table: 10,000 rows, ids 1 to 10,000, each with a number
 * from 1 to 10,000. The table and column keep TechEmpower's names ({@code world},
 * {@code randomnumber}), so every implementation reads the same rows; as JSON it is
 * {@code {"id":..,"randomNumber":..}}, the shape the tests ask for.
 */
@Model
@Table("world")
public record World(@Key int id, @Column("randomnumber") int randomNumber) {}
