package io.toasty.example.techempower;

import io.toasty.annotations.Key;
import io.toasty.annotations.Model;
import io.toasty.annotations.Table;

/** A row of TechEmpower's {@code Fortune} table: its 12 standard messages. */
@Model
@Table("fortune")
public record Fortune(@Key int id, String message) {}
