#!/usr/bin/env bash
# Builds, on a machine with Maven Central and Debian reachable, what tools/gpu-check/run.sh needs on a
# lent GPU machine that has a CUDA 13 driver stack, no Java and no network (docs/cuda.md):
#   out/gpupay.tar.xz        a jlinked JRE, the app and test classes, the jars, ONNX Runtime's JNI and core
#   out/parts/part0..6       ONNX Runtime 1.29's CUDA provider and Debian's cuBLAS 12.4, split to fit a
#                            64 MiB transfer each, with SHA256SUMS
# Usage: tools/gpu-check/prepare.sh [OUTDIR]   (after ./mvnw test-compile)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd); root=$(cd "$here/../.." && pwd)
out=${1:-$root/target/gpu-check}; work=$out/work; pay=$work/gpupay
J=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
rm -rf "$out"; mkdir -p "$work" "$pay"/{app/lib,native,cuda12,docs} "$out/parts"
ort=$(tr ':' '\n' < "$root/target/classpath.txt" | grep onnxruntime_gpu)
# 1. ONNX Runtime natives and classes (the CUDA provider travels separately: 580 MB).
(cd "$work" && unzip -q -o "$ort" 'ai/onnxruntime/native/linux-x64/*' && mkdir cls && cd cls \
  && unzip -q "$ort" -x 'ai/onnxruntime/native/*' && "$J/bin/jar" cf "$pay/app/lib/ort-classes.jar" .)
nat=$work/ai/onnxruntime/native/linux-x64
cp "$nat"/libonnxruntime.so "$nat"/libonnxruntime4j_jni.so "$nat"/libonnxruntime_providers_shared.so "$pay/native/"
xz -T0 -6 -c "$nat/libonnxruntime_providers_cuda.so" > "$work/provider.xz"
# 2. CUDA 12: cuBLAS 12.4 from Debian trixie non-free; the runtime from bytedeco's CUDA 12.6 redist jar
#    (read with HTTP ranges: only the 0.7 MB file is fetched); a shim for four symbols 12.6 lacks.
deb=http://deb.debian.org/debian/pool/non-free/n/nvidia-cuda-toolkit
curl -sf -o "$work/cublas.deb" "$deb/libcublas12_12.4.5.8~12.4.1-2_amd64.deb"
curl -sf -o "$work/cublaslt.deb" "$deb/libcublaslt12_12.4.5.8~12.4.1-2_amd64.deb"
python3 "$here/range_zip.py" https://repo.maven.apache.org/maven2/org/bytedeco/cuda/12.6-9.5-1.5.11/cuda-12.6-9.5-1.5.11-linux-x86_64-redist.jar \
  org/bytedeco/cuda/linux-x86_64/libcudart.so.12 "$work/redist"
cp "$work/redist/org/bytedeco/cuda/linux-x86_64/libcudart.so.12" "$pay/cuda12/"
gcc -shared -fPIC -O2 -o "$pay/cuda12/libcudartshim.so" "$here/cudart_shim.c" -Wl,--version-script="$here/shim.map"
(cd "$out/parts" && cat "$work/provider.xz" "$work/cublas.deb" "$work/cublaslt.deb" | split -b 57m -d -a 1 - part \
  && sha256sum part* > SHA256SUMS)
stat -c '%s %n' "$work/provider.xz" "$work/cublas.deb" > "$pay/part-sizes.txt"
# 3. Java: a jlinked runtime, the classes, the jars the engine and CLI need (no JavaFX, no OpenCV).
"$J/bin/jlink" --add-modules java.base,java.desktop,java.logging,java.management,jdk.unsupported,java.xml,java.naming,java.sql,java.prefs,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --output "$pay/jre"
cp -r "$root/target/classes" "$root/target/test-classes" "$pay/app/"
for j in $(tr ':' ' ' < "$root/target/classpath.txt"); do
  case $j in *onnxruntime_gpu*|*opencv*|*javafx*|*controlsfx*|*ikonli*) ;; *) cp "$j" "$pay/app/lib/";; esac
done
zip -q -d "$pay/app/lib/"tokenizers-*.jar 'native/lib/win-*' 'native/lib/osx-*' 'native/lib/linux-aarch64/*'
curl -sf -o "$pay/app/lib/junit-console.jar" \
  https://repo.maven.apache.org/maven2/org/junit/platform/junit-platform-console-standalone/1.14.1/junit-platform-console-standalone-1.14.1.jar
cp -r "$root/docs/examples" "$pay/docs/"; cp "$here/run.sh" "$pay/"; true
tar cf - -C "$work" gpupay | xz -T0 -6 > "$out/gpupay.tar.xz"
ls -l "$out/gpupay.tar.xz" "$out/parts"
