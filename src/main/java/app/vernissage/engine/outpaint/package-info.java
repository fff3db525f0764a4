/**
 * Outpainting on top of the inpainting engine: generation on a context window of a document of any
 * size ({@link app.vernissage.engine.outpaint.WindowedInpainter}), panoramas grown step by step
 * ({@link app.vernissage.engine.outpaint.Panorama}) and zoom-out keyframes
 * ({@link app.vernissage.engine.outpaint.ZoomOut}).
 */
package app.vernissage.engine.outpaint;
