#!/bin/bash
# Runs on a lent GPU machine (docs/cuda.md): assembles the CUDA 12 libraries carried in parts into
# /tmp/g, then runs `models check`, the CLI, the engine test package and the benchmarks on CUDA,
# with CPU baselines on the same machine. Output: $OUT/log.txt and two result pictures.
P=$(cd "$(dirname "$0")" && pwd); G=/tmp/g; O=${OUT:-/tmp/out}; mkdir -p "$O"
exec > >(tee "$O/log.txt") 2>&1
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv
cat /proc/driver/nvidia/version
if [ ! -f $G/ready ]; then
  (cd $G && sha256sum -c SHA256SUMS) || exit 3
  read -r provider_size _ < <(sed -n 1p "$P/part-sizes.txt"); read -r cublas_size _ < <(sed -n 2p "$P/part-sizes.txt")
  cat $G/part? > $G/blob
  head -c "$provider_size" $G/blob | xz -d -T16 > $G/libonnxruntime_providers_cuda.so
  tail -c +$((provider_size + 1)) $G/blob | head -c "$cublas_size" > $G/cublas.deb
  tail -c +$((provider_size + cublas_size + 1)) $G/blob > $G/cublaslt.deb
  dpkg -x $G/cublas.deb $G/x && dpkg -x $G/cublaslt.deb $G/x || exit 4
  rm -f $G/blob; touch $G/ready
fi
cp $G/libonnxruntime_providers_cuda.so "$P/native/"; cp -a $G/x/usr/lib/x86_64-linux-gnu/libcublas* "$P/cuda12/"
cd "$P"
# curand 10 keeps its soname in CUDA 13; the image's copy serves.
ln -sf /usr/local/cuda-13.0/targets/x86_64-linux/lib/libcurand.so.10 cuda12/libcurand.so.10
export LD_LIBRARY_PATH=$P/cuda12:/usr/lib/x86_64-linux-gnu LD_PRELOAD=$P/cuda12/libcudartshim.so OPT_OUT_TRACKING=true
printf -- '-cp\n"%s"\n' "$P/app/classes:$P/app/test-classes:$(ls $P/app/lib/*.jar | tr '\n' ':')" > "$P/cp.args"
J="$P/jre/bin/java --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow -Donnxruntime.native.path=$P/native -DOPT_OUT_TRACKING=true -Dai.djl.offline=true -Xmx24g @$P/cp.args"
V="$J app.vernissage.Main"
S=$P/app/test-classes/exported/standin-set
IMG=docs/examples/coffee.png MASK=docs/examples/coffee-mask.png
step() { echo "=== $1"; shift; local t0; t0=$(date +%s%N); timeout "${T:-300}" "$@"; local rc=$?
         echo "=== rc $rc, wall $(( ($(date +%s%N) - t0) / 1000000 )) ms"; }
step "models check (stand-in set)" $V models check "$S"
T=120 step "inpaint stand-in set on CUDA" $V inpaint --models "$S" --device cuda --image $IMG --mask $MASK --prompt "a red balloon" --seed 7 --out "$O/standin-cuda.png"
T=120 step "inpaint stand-in set on CPU" $V inpaint --models "$S" --device cpu --image $IMG --mask $MASK --prompt "a red balloon" --seed 7 --out "$O/standin-cpu.png"
$V models demo /tmp/demo >/dev/null
for placement in "--device cuda --memory keep" "--device cuda --placement text-cpu" "--device cpu --memory keep"; do
  T=120 step "demo set, $placement" $V inpaint --models /tmp/demo $placement --image $IMG --mask $MASK --prompt "a boat" --seed 3 --out /tmp/demo-out.png
done
T=240 step "engine tests on CUDA" $J -Dvernissage.test.device=cuda org.junit.platform.console.ConsoleLauncher execute \
  --select-package app.vernissage.engine --disable-banner --details=summary --details-theme=ascii
T=150 step "overhead benchmark CUDA 9x48" $J app.vernissage.bench.PipelineOverheadBenchmark cuda 9 48 5
T=150 step "overhead benchmark CUDA 48x512" $J app.vernissage.bench.PipelineOverheadBenchmark cuda 48 512 5
T=200 step "overhead benchmark CPU 9x48" $J app.vernissage.bench.PipelineOverheadBenchmark cpu 9 48 3
T=150 step "outpaint benchmark CUDA" $J app.vernissage.bench.OutpaintBenchmark cuda 10 all
T=280 step "memory soak CUDA" $J app.vernissage.bench.MemorySoakBenchmark 100 cuda
# Running out of GPU memory for real: a capped CUDA arena, then the lighter placements in turn.
T=150 step "out-of-memory retry (16 MiB cap)" $J app.vernissage.bench.OutOfMemoryRetryCheck 16
T=60 step "CLI inpaint with a 16 MiB cap" $J -Dvernissage.gpuMemoryLimitMb=16 app.vernissage.Main inpaint --models /tmp/demo \
  --device cuda --placement gpu --image $IMG --mask $MASK --prompt "a boat" --seed 3 --out /tmp/oom-out.png
