package io.tributary.transforms.examples;

import java.io.Serializable;

/**
 * One data file a {@link SplitShardWriter} finished: the split it holds rows of, where it was
 * written (a temporary name until {@link PublishShards} gives it its place in the split folder),
 * and how many rows it holds.
 */
public record ShardFile(String split, String path, long rows) implements Serializable {

  public ShardFile {
    if (split == null || path == null || rows < 0) {
      throw new IllegalArgumentException("not a shard: split " + split + ", path " + path + ", " + rows + " rows");
    }
  }
}
