/*
** opcode.h — gilpy's bytecode: the contract between the compiler
** (compile/) and the eval loop (vm/ceval.c).  Each instruction is 32 bits:
** the opcode in the low 8, the argument in the high 24 (EXTENDED_ARG
** supplies the higher bits: arg = (prev_arg << 24) | arg).  Jump
** arguments are ABSOLUTE instruction indices.  Semantics are CPython's
** (3.11 where it differs from 3.10: one exception object, PUSH_NULL /
** LOAD_METHOD / KW_NAMES / CALL); the exception handling uses a block
** stack in the frame (3.10's SETUP_FINALLY / POP_BLOCK) instead of 3.11's
** exception table, because it is simpler to compile and to read.
**
** Stack notation: [... a b] -> [... c] with b on top.  "NULL" is a C NULL
** on the value stack (never visible to Python code).
**
** Exceptions: when an instruction raises, the VM pops the innermost block
** (pushed by SETUP_FINALLY), truncates the value stack to the depth the
** block recorded, pushes the exception object and jumps to the block's
** handler.  With no block left, the frame returns NULL (the exception
** propagates to the caller).  A traceback entry is added for every frame
** the exception is raised in or passes through (CPython's
** PyTraceBack_Here), with the position of the instruction that raised;
** RERAISE adds none.
*/
#ifndef GP_OPCODE_H
#define GP_OPCODE_H

#include <stdint.h>

#define GP_OP_LIST(X) \
    /* ---- stack ---- */ \
    X(NOP)              /* */ \
    X(POP_TOP)          /* [a] -> [] */ \
    X(PUSH_NULL)        /* [] -> [NULL] */ \
    X(COPY)             /* arg n>=1: [a_n ... a_1] -> [a_n ... a_1 a_n] */ \
    X(SWAP)             /* arg n>=2: swap TOS and the n-th item */ \
    X(LOAD_CONST)       /* arg: consts index: [] -> [c] */ \
    X(RETURN_VALUE)     /* [v] -> return v from the frame */ \
    /* ---- names ---- */ \
    X(LOAD_FAST)        /* arg: local slot; UnboundLocalError "cannot \
                           access local variable 'x' where it is not \
                           associated with a value" */ \
    X(STORE_FAST)       /* [v] -> [] */ \
    X(DELETE_FAST) \
    X(LOAD_DEREF)       /* arg: slot >= nlocals (cell or free); NameError \
                           "cannot access free variable 'x' where it is \
                           not associated with a value in enclosing scope" \
                           for a free one, the UnboundLocalError for a cell */ \
    X(STORE_DEREF) \
    X(DELETE_DEREF) \
    X(LOAD_CLASSDEREF)  /* class body: locals dict first, then the cell */ \
    X(LOAD_CLOSURE)     /* arg: cell/free slot: push the cell itself */ \
    X(LOAD_NAME)        /* arg: names index: locals, globals, builtins; \
                           NameError "name 'x' is not defined" */ \
    X(STORE_NAME) \
    X(DELETE_NAME) \
    X(LOAD_GLOBAL)      /* arg: (names index << 1) | push_null: globals, \
                           builtins; with the low bit, push NULL first */ \
    X(STORE_GLOBAL) \
    X(DELETE_GLOBAL) \
    X(LOAD_ATTR)        /* arg: names index: [o] -> [o.name] */ \
    X(STORE_ATTR)       /* [v o] -> [] : o.name = v */ \
    X(DELETE_ATTR)      /* [o] -> [] */ \
    X(LOAD_METHOD)      /* arg: names index: [o] -> [meth o] when \
                           gp_get_method says unbound, else [NULL attr] */ \
    /* ---- operators ---- */ \
    X(BINARY_OP)        /* arg: GP_NB_* (+GP_NB_INPLACE): [a b] -> [a op b] */ \
    X(UNARY_POSITIVE) \
    X(UNARY_NEGATIVE) \
    X(UNARY_NOT) \
    X(UNARY_INVERT) \
    X(COMPARE_OP)       /* arg: GP_LT..GP_GE: [a b] -> [a op b] */ \
    X(IS_OP)            /* arg 1: is not: [a b] -> [bool] */ \
    X(CONTAINS_OP)      /* arg 1: not in: [a b] -> [a in b] */ \
    X(BINARY_SUBSCR)    /* [o k] -> [o[k]] */ \
    X(STORE_SUBSCR)     /* [v o k] -> [] : o[k] = v */ \
    X(DELETE_SUBSCR)    /* [o k] -> [] */ \
    X(BUILD_SLICE)      /* arg 2 or 3: [a b (c)] -> [slice] */ \
    /* ---- building ---- */ \
    X(BUILD_TUPLE)      /* arg n: [x1..xn] -> [tuple] */ \
    X(BUILD_LIST) \
    X(BUILD_SET) \
    X(BUILD_MAP)        /* arg n: [k1 v1 .. kn vn] -> [dict] */ \
    X(BUILD_CONST_KEY_MAP) /* arg n: [v1..vn keys_tuple] -> [dict] */ \
    X(BUILD_STRING)     /* arg n: [s1..sn] -> [s1+..+sn] */ \
    X(LIST_APPEND)      /* arg i: pop v, then list.append(v) where list \
                           is the i-th item from the top (1 = TOS) */ \
    X(SET_ADD)          /* same shape */ \
    X(MAP_ADD)          /* arg i: [.. map .. k v] -> map[k] = v */ \
    X(LIST_EXTEND)      /* arg i: [.. list .. it] -> list.extend(it) */ \
    X(SET_UPDATE) \
    X(DICT_UPDATE)      /* "'int' object is not a mapping" */ \
    X(DICT_MERGE)       /* arg i as DICT_UPDATE, for f(**a, **b): a \
                           duplicate key raises TypeError "f() got \
                           multiple values for keyword argument 'x'"; \
                           the callable is the item at i + 2 */ \
    X(LIST_TO_TUPLE)    /* [list] -> [tuple] */ \
    X(UNPACK_SEQUENCE)  /* arg n: [seq] -> [xn .. x1] (x1 on top) */ \
    X(UNPACK_EX)        /* arg before | after << 8: [seq] -> [after items \
                           (last deepest) list before items] as CPython */ \
    X(FORMAT_VALUE)     /* arg: conv (0 none,1 str,2 repr,3 ascii) | \
                           4 if a spec is on top: [v (spec)] -> [str] */ \
    /* ---- control ---- */ \
    X(JUMP_FORWARD)     /* arg: target */ \
    X(JUMP_BACKWARD)    /* arg: target; polls the eval breaker */ \
    X(POP_JUMP_IF_FALSE) /* [v] -> [] ; jump if not v */ \
    X(POP_JUMP_IF_TRUE) \
    X(POP_JUMP_IF_NONE) \
    X(POP_JUMP_IF_NOT_NONE) \
    X(JUMP_IF_FALSE_OR_POP) /* [v] -> [v] and jump if not v, else [] */ \
    X(JUMP_IF_TRUE_OR_POP) \
    X(GET_ITER)         /* [o] -> [iter(o)] */ \
    X(FOR_ITER)         /* arg: target: [it] -> [it next] or, exhausted, \
                           [] and jump (a StopIteration raised by __next__ \
                           is exhaustion too) */ \
    /* ---- calls and definitions ---- */ \
    X(KW_NAMES)         /* arg: consts index of a tuple of str: the keyword \
                           names of the next CALL */ \
    X(CALL)             /* arg n: [X Y a1..an] -> [result]: if X is NULL \
                           call Y(a1..an), else call X(Y, a1..an); the \
                           last len(kwnames) args are keywords */ \
    X(CALL_FUNCTION_EX) /* arg 1 if kwargs: [f args_tuple (kwargs)] -> \
                           [result]; kwargs a dict */ \
    X(MAKE_FUNCTION)    /* arg flags: 1 defaults tuple, 2 kwdefaults dict, \
                           4 annotations (ignored: a tuple), 8 closure \
                           tuple: [(closure)(annot)(kwdefaults)(defaults) \
                           code] -> [function]; qualname from the code */ \
    X(LOAD_BUILD_CLASS) /* [] -> [builtins.__build_class__] */ \
    X(RETURN_GENERATOR) /* first instruction of a generator's code: the \
                           call returns a generator owning this frame */ \
    X(YIELD_VALUE)      /* [v] -> suspend, yield v; resumed with [sent] */ \
    X(SEND)             /* arg: target: [receiver v] -> [receiver r] after \
                           r = receiver.send(v) (next() when v is None and \
                           the receiver is an iterator), or, if it \
                           returned, [value] and jump (yield from) */ \
    X(GET_YIELD_FROM_ITER) /* [o] -> [iter(o)] (a generator stays itself) */ \
    X(IMPORT_NAME)      /* arg: names index: [level fromlist] -> [module] */ \
    X(IMPORT_FROM)      /* arg: names index: [m] -> [m attr]; ImportError \
                           "cannot import name 'x' from 'm' (path)" */ \
    X(IMPORT_STAR)      /* [m] -> [] : into the locals */ \
    X(SETUP_ANNOTATIONS) /* module/class body with annotations */ \
    X(LOAD_ASSERTION_ERROR) \
    X(PRINT_EXPR)       /* [v] -> [] : sys.displayhook(v) ("single" mode) */ \
    /* ---- exceptions and with ---- */ \
    X(SETUP_FINALLY)    /* arg: handler target: push a block recording the \
                           current stack depth */ \
    X(POP_BLOCK)        /* pop the innermost block */ \
    X(PUSH_EXC_INFO)    /* [exc] -> [prev exc] : prev is the handled \
                           exception (or None) that this one replaces as \
                           sys.exc_info() */ \
    X(POP_EXCEPT)       /* [prev] -> [] : restore prev as handled */ \
    X(CHECK_EXC_MATCH)  /* [exc type] -> [exc bool]; TypeError "catching \
                           classes that do not inherit from BaseException \
                           is not allowed" */ \
    X(RERAISE)          /* [exc] -> raise exc again (traceback kept) */ \
    X(RAISE_VARARGS)    /* arg 0: bare raise ("No active exception to \
                           reraise"), 1: [exc], 2: [exc cause] */ \
    X(BEFORE_WITH)      /* [cm] -> [bound __exit__, cm.__enter__()]; \
                           TypeError "'X' object does not support the \
                           context manager protocol" */ \
    X(WITH_EXCEPT_START) /* [exit_func prev exc] -> [exit_func prev exc \
                           res]: res = exit_func(type(exc), exc, tb) */ \
    X(LOAD_EXC)         /* reserved */ \
    X(GEN_START)        /* reserved */ \
    X(EXTENDED_ARG)     /* arg: high bits of the next instruction's arg */

typedef enum {
#define GP_OP_ENUM(name) GP_OP_##name,
    GP_OP_LIST(GP_OP_ENUM)
#undef GP_OP_ENUM
    GP_OP_COUNT
} gp_opcode_t;

#define GP_INSTR(op, arg)  ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define GP_INSTR_OP(i)     ((i) & 0xff)
#define GP_INSTR_ARG(i)    ((i) >> 8)
#define GP_ARG_MAX         0xffffff

extern const char *const gp_opcode_names[GP_OP_COUNT];

#endif
