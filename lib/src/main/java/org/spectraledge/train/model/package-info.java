/**
 * DJL blocks for the models of the spectral edge framework (framework §8): {@link org.spectraledge.train.model.MlpOnEmbeddings}
 * (the fast grokking model), {@link org.spectraledge.train.model.DecoderTransformer} (Power et al. 2022, Nanda et
 * al. 2023, Dyck-1) and {@link org.spectraledge.train.model.EncoderDecoderTransformer} (SCAN), with reference
 * setups in {@link org.spectraledge.train.model.ModelPresets}.
 *
 * <h2>Parameter names (a public contract)</h2>
 * Every parameter has a dotted name such as {@code embed}, {@code blocks.0.attn.W_Q} or {@code unembed}, listed in a
 * fixed order by {@link org.spectraledge.train.model.NamedParameters#of(ai.djl.nn.Block)}; parameter groups
 * ({@link org.spectraledge.capture.ParameterGroup}) select by these names. DJL's own names (child names joined with
 * {@code _} and prefixed by an index, e.g. {@code 03blocks.0_02attn_W_Q}) are not part of the contract.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Matrices act on row vectors: y = x W + b with W ∈ R^{in × out} (the orientation of TransformerLens, whose
 *       names {@code W_Q}, {@code W_in}, {@code W_out} we borrow). Embeddings are R^{vocab × d}; a tied unembedding
 *       computes logits = x Eᵀ.</li>
 *   <li>Attention projections are single 2-D matrices R^{d_model × d_model} (heads side by side, d_head =
 *       d_model / heads), so that Muon sees ordinary matrices.</li>
 *   <li>No dropout: none of the reference setups uses it.</li>
 *   <li>Initialization (see {@link org.spectraledge.train.model.SeededNormal}): weights N(0, 1/fan_in), embeddings
 *       N(0, 1/d), biases and LayerNorm β zero, γ one; each tensor drawn from its own {@link java.util.Random}
 *       seeded by (model seed, dotted name), so the same seed gives the same weights whatever the engine's random
 *       state, thread count or construction order.</li>
 * </ul>
 *
 * <h2>Native memory and the DJL scalar pitfall</h2>
 * A DJL operation attaches its result to the manager of its first operand. Every forward pass here starts from the
 * input arrays (parameters only ever appear as second operands), and the few constants it needs (the attention scale,
 * masks, position ids) are created on the input's manager. So when the training loop creates each step's inputs on a
 * per-step sub-manager, every temporary of the forward and backward pass is freed with it, and no Java number enters
 * {@code mul}/{@code div} inside gradient recording (a DJL bug reads freed memory in the backward pass otherwise).
 * Initialize a model explicitly on a long-lived manager ({@code trainer.initialize(shape)} or
 * {@code block.initialize(manager, DataType.FLOAT32, shape)}; any input shape will do) before the first step: DJL
 * initializes an uninitialized block lazily on the parameter store's manager, which in a scoped loop is the step's.
 */
package org.spectraledge.train.model;
