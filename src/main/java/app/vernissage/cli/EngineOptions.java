package app.vernissage.cli;

import app.vernissage.engine.modelset.ModelSet;
import app.vernissage.engine.modelset.ModelSetException;
import app.vernissage.engine.modelset.ModelSetLocations;
import app.vernissage.engine.modelset.ModelSetValidator;
import app.vernissage.engine.pipeline.InpaintEngine;
import app.vernissage.engine.runtime.DevicePreference;
import app.vernissage.engine.runtime.EngineException;
import app.vernissage.engine.runtime.ExecutionDevice;
import app.vernissage.engine.runtime.MemoryMode;
import app.vernissage.engine.runtime.OrtRuntime;
import app.vernissage.engine.runtime.Placement;
import app.vernissage.engine.runtime.PlacementPreset;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;

/** Options shared by the commands that run models: which set, which device, which memory mode. */
final class EngineOptions {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Model-set folder (default: $VERNISSAGE_MODELS or the per-user default set).")
    Path models;

    @Option(names = "--device", paramLabel = "cuda|cpu|auto", defaultValue = "auto",
            description = "Where to run (default: ${DEFAULT-VALUE}: CUDA when available, else CPU).")
    String device;

    @Option(names = "--device-id", paramLabel = "N", defaultValue = "0", description = "CUDA device index.")
    int deviceId;

    @Option(names = "--memory", paramLabel = "keep|per-stage", defaultValue = "per-stage",
            description = "keep: models stay loaded; per-stage: each is freed after its stage (default, lowest peak).")
    String memory;

    @Option(names = "--placement", paramLabel = "cpu|gpu|text-cpu",
            description = "Which models run on the GPU: gpu (all), text-cpu (text encoder on the CPU, U-Net and "
                    + "MoVQ on the GPU) or cpu (none); default: all on the chosen --device.")
    String placement;

    Path modelsDir() {
        return models != null ? models : ModelSetLocations.defaultSet();
    }

    ModelSet openModelSet() throws UserError {
        Path dir = modelsDir();
        try {
            return ModelSetValidator.open(dir);
        } catch (ModelSetException e) {
            if (e.report() != null && e.report().problems().size() == e.report().checks().size()) {
                throw new UserError("no model set at " + dir + "; run `vernissage models demo " + dir
                        + "` for a tiny demo set, or see models/README.md to export Kandinsky 3");
            }
            throw new UserError("the model set at " + dir + " cannot be used: " + e.getMessage()
                    + " (run `vernissage models check " + dir + "` for the full report)");
        }
    }

    /**
     * The first problem with --device, --device-id or --memory as a sentence, or null; lets a
     * command refuse a bad value as wrong usage before it reads any file.
     */
    String choiceProblem() {
        try {
            DevicePreference.parse(device);
            memoryMode();
            if (placement != null) {
                PlacementPreset.parse(placement);
            }
        } catch (IllegalArgumentException | UserError e) {
            return e.getMessage();
        }
        return deviceId < 0 ? "--device-id must be 0 or more" : null;
    }

    ExecutionDevice executionDevice() throws UserError {
        DevicePreference preference;
        try {
            preference = DevicePreference.parse(device);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (deviceId < 0) {
            throw new UserError("--device-id must be 0 or more");
        }
        try {
            return OrtRuntime.device(preference, deviceId);
        } catch (EngineException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Opens the engine for {@code set} on {@code device}, placed by --placement, in --memory's mode. */
    InpaintEngine openEngine(ModelSet set, ExecutionDevice device) throws UserError, EngineException {
        return InpaintEngine.open(set, placement(device), memoryMode());
    }

    /** Where each component runs on {@code device}: --placement's preset, or {@code device} everywhere. */
    Placement placement(ExecutionDevice device) throws UserError {
        if (placement == null) {
            return Placement.all(device);
        }
        try {
            return PlacementPreset.parse(placement).on(device);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    MemoryMode memoryMode() throws UserError {
        return switch (memory.toLowerCase(Locale.ROOT)) {
            case "keep" -> MemoryMode.KEEP_LOADED;
            case "per-stage", "perstage", "low" -> MemoryMode.PER_STAGE;
            default -> throw new UserError("unknown memory mode '" + memory + "' (keep or per-stage)");
        };
    }
}
