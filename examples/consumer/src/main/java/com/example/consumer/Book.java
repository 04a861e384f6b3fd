package com.example.consumer;

import io.toasty.annotations.Auto;
import io.toasty.annotations.Index;
import io.toasty.annotations.Key;
import io.toasty.annotations.Model;

/** A book; the annotation processor generates {@code Books} beside it. */
@Model
public record Book(@Key @Auto long id, String title, @Index int year) {}
