package org.district.support.openapi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation that answers a CSV file to save ({@code support.csv.CsvDownload}): {@link ApiContract} writes its
 * 200 answer, the same for every export of every service: {@code text/csv} with {@link #example()}, and the
 * {@code Content-Disposition} header that saves it as {@link #name()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CsvFile {

    /** The file's name, e.g. {@code devices.csv}. */
    String name();

    /** A short file such as the export gives: the header line and a row or two. */
    String example();
}
