package app.vernissage.engine.runtime;

/**
 * The device the sessions run on, decided once per process and preference.
 *
 * @param cuda        true for the CUDA execution provider
 * @param deviceId    CUDA device index (0 for CPU)
 * @param explanation a sentence for people, e.g. "CUDA 12 libraries not found, running on CPU"
 */
public record ExecutionDevice(boolean cuda, int deviceId, String explanation) {
    public String label() {
        return cuda ? "CUDA:" + deviceId : "CPU";
    }
}
