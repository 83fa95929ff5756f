/** Test helpers shared by the transform tests. */
package io.tributary.transforms.testing;
