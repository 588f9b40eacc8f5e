package dev.engram.llm;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs several texts through a BERT model in one inference: a [texts × longest] input, shorter
 * texts padded and masked. One inference of sixteen short texts costs about 60 % of sixteen
 * inferences of one (the matrix products get rows enough to use the vector units), which is what
 * a bulk import is made of. The vectors are those of one text alone within quantization noise:
 * the quantized models scale their activations over the whole input, so companions change the
 * rounding (cosine to the text alone 0.996 at the median, 0.989 at the worst of 1,000 LoCoMo
 * turns; BENCHMARKS.md).
 */
final class BatchEncoder {
    /** BERT's longest input, the [CLS] and [SEP] tokens included. */
    static final int MAX_TOKENS = 512;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final PoolingMode pooling;
    private final boolean typeIds;

    BatchEncoder(OrtEnvironment environment, OrtSession session, HuggingFaceTokenizer tokenizer, PoolingMode pooling)
            throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.pooling = pooling;
        this.typeIds = session.getInputNames().contains("token_type_ids");
    }

    /** The model input of {@code text} ([CLS] ... [SEP]), or null when it is too long for one inference. */
    long[] tokens(String text) {
        Encoding encoding = tokenizer.encode(text, true, false);
        long[] ids = encoding.getIds();
        return ids.length > MAX_TOKENS ? null : ids;
    }

    /** The normalized vectors of the inputs, in their order. */
    List<float[]> encode(List<long[]> inputs) throws OrtException {
        int rows = inputs.size();
        int columns = inputs.stream().mapToInt(ids -> ids.length).max().orElseThrow();
        long[] ids = new long[rows * columns];
        long[] mask = new long[rows * columns];
        for (int r = 0; r < rows; r++) {
            long[] input = inputs.get(r);
            System.arraycopy(input, 0, ids, r * columns, input.length);
            java.util.Arrays.fill(mask, r * columns, r * columns + input.length, 1L);
        }
        long[] shape = {rows, columns};
        Map<String, OnnxTensor> feed = new HashMap<>();
        try {
            feed.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            feed.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                feed.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[rows * columns]), shape));
            }
            try (OrtSession.Result result = session.run(feed)) {
                OnnxTensor output = (OnnxTensor) result.get(0);
                long[] outputShape = output.getInfo().getShape(); // texts × tokens (1: [CLS] alone) × dimension
                int tokensOut = (int) outputShape[1];
                int dimension = (int) outputShape[2];
                FloatBuffer hidden = output.getFloatBuffer();
                List<float[]> vectors = new ArrayList<>(rows);
                for (int r = 0; r < rows; r++) {
                    vectors.add(normalize(pool(hidden, r * tokensOut, inputs.get(r).length, dimension)));
                }
                return vectors;
            }
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** [CLS]'s hidden state, or the mean over the text's tokens (padding left out). */
    private float[] pool(FloatBuffer hidden, int firstToken, int tokens, int dimension) {
        float[] vector = new float[dimension];
        int counted = pooling == PoolingMode.CLS ? 1 : tokens;
        for (int t = 0; t < counted; t++) {
            int offset = (firstToken + t) * dimension;
            for (int d = 0; d < dimension; d++) {
                vector[d] += hidden.get(offset + d);
            }
        }
        if (counted > 1) {
            for (int d = 0; d < dimension; d++) {
                vector[d] /= counted;
            }
        }
        return vector;
    }

    private static float[] normalize(float[] vector) {
        double sum = 0;
        for (float v : vector) {
            sum += v * v;
        }
        float norm = (float) Math.sqrt(sum);
        for (int d = 0; d < vector.length; d++) {
            vector[d] /= norm;
        }
        return vector;
    }
}
