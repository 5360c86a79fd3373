package io.linia.intake.internal.mail; public class UnparseableMailException extends Exception { public UnparseableMailException(String m) { super(m); } }
