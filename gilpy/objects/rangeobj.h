/*
** rangeobj.h — range, slice, and the built-in iterator types that are
** plain objects: range_iterator, enumerate, zip, map, filter, reversed,
** and the sequence iterator (iter() over __getitem__) and
** callable_iterator (iter(f, sentinel)).  Guard: the GIL.
*/
#ifndef GP_RANGEOBJ_H
#define GP_RANGEOBJ_H

#include "object.h"

typedef struct {
    gp_obj_t ob;
    gp_obj_t *start, *stop, *step;  /* None where not given */
} gp_slice_t;

extern gp_type_t gp_slice_type, gp_range_type, gp_enumerate_type,
                 gp_zip_type, gp_map_type, gp_filter_type,
                 gp_reversed_type, gp_seqiter_type, gp_calliter_type;
#define GP_SLICE_CHECK(o) (GP_TYPE(o) == &gp_slice_type)

gp_obj_t *gp_slice_new(gp_obj_t *start, gp_obj_t *stop, gp_obj_t *step);
/* PySlice_Unpack: ValueError "slice step cannot be zero"; 0 / -1. */
int gp_slice_unpack(gp_obj_t *slice, gp_ssize_t *start, gp_ssize_t *stop,
                    gp_ssize_t *step);
/* PySlice_AdjustIndices: clamps to length, returns the slice length. */
gp_ssize_t gp_slice_adjust(gp_ssize_t length, gp_ssize_t *start,
                           gp_ssize_t *stop, gp_ssize_t step);
gp_obj_t *gp_seqiter_new(gp_obj_t *seq);
gp_obj_t *gp_calliter_new(gp_obj_t *callable, gp_obj_t *sentinel);

/* obj_range.c (slice, range) and obj_iters.c (the rest). */
int gp_obj_range_init(void);
int gp_obj_iters_init(void);

#endif
