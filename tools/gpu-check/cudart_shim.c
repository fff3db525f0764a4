/* Test-only shim: ONNX Runtime 1.29's CUDA provider was linked against CUDA >= 12.8 and names four
 * runtime functions that the newest CUDA 12 runtime reachable here (12.6) lacks. They report
 * "not supported" and log, so a run that needs them fails loudly instead of silently. */
#include <stdio.h>
static int shim_called(const char *name) {
    fprintf(stderr, "cudart-shim: %s called (not available in this CUDA 12.6 runtime)\n", name);
    return 801; /* cudaErrorNotSupported */
}
int cudaLibraryLoadData(void *a, const void *b, void *c, void **d, unsigned e, void *f, void **g, unsigned h) { return shim_called("cudaLibraryLoadData"); }
int cudaLibraryGetKernel(void *a, void *b, const char *c) { return shim_called("cudaLibraryGetKernel"); }
int cudaLibraryUnload(void *a) { return shim_called("cudaLibraryUnload"); }
int cudaKernelSetAttributeForDevice(void *a, int b, int c, int d) { return shim_called("cudaKernelSetAttributeForDevice"); }
