package org.district.support.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST endpoint whose answer carries a secret (a device credential, an enrolment code): every answer it gives
 * (its refusals included) is sent with {@code Cache-Control: no-cache, no-store, no-transform} and {@code Pragma: no-cache}, so that no cache
 * on the way keeps a copy ({@link SecretAnswerFilter}), and the API document says so on its successful answers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretAnswer {}
