/**
 * Reading and writing tensors in NumPy's {@code .npy} format, for exchanging arrays with Python
 * tools and for golden-file tests. Plain JDK only.
 */
package app.vernissage.core.io;
