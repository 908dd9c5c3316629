/*
** astdump.c — gp_ast_dump: the tree in pyast.py's notation (see
** astdump.h).  Fields are written in the `ast` module's order; a node's
** position as @line:col-end_line:end_col.  No state.
*/
#include <string.h>

#include "astdump.h"

static void expr(FILE *f, const gp_expr_t *e);
static void stmts(FILE *f, const gp_ast_seq_t *s);

static void str(FILE *f, const char *s, size_t n)
{
    fputs("s:", f);
    for (size_t i = 0; i < n; i++)
        fprintf(f, "%02x", (unsigned char)s[i]);
}

static void ident(FILE *f, const char *name, const char *s)
{
    fprintf(f, " %s=", name);
    if (s)
        str(f, s, strlen(s));
    else
        fputc('-', f);
}

static void loc(FILE *f, const gp_loc_t *l)
{
    fprintf(f, " @%d:%d-%d:%d", l->lineno, l->col_offset, l->end_lineno,
            l->end_col_offset);
}

static void field_expr(FILE *f, const char *name, const gp_expr_t *e)
{
    fprintf(f, " %s=", name);
    expr(f, e);
}

static void exprs(FILE *f, const gp_ast_seq_t *s)
{
    fputc('[', f);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        if (i)
            fputc(' ', f);
        expr(f, GP_SEQ_GET(s, i));
    }
    fputc(']', f);
}

static void field_exprs(FILE *f, const char *name, const gp_ast_seq_t *s)
{
    fprintf(f, " %s=", name);
    exprs(f, s);
}

static const char *ctx_name(gp_ctx_t c)
{
    return c == GP_STORE ? "Store" : c == GP_DEL ? "Del" : "Load";
}

static const char *const binops[] = {
    "?", "Add", "Sub", "Mult", "MatMult", "Div", "Mod", "Pow", "LShift",
    "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv"
};
static const char *const unops[] = {"?", "Invert", "Not", "UAdd", "USub"};
static const char *const cmpops[] = {
    "?", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In",
    "NotIn"
};

static void arg(FILE *f, const gp_arg_t *a)
{
    if (!a) {
        fputc('-', f);
        return;
    }
    fputs("(arg", f);
    loc(f, &a->loc);
    ident(f, "arg", a->arg);
    field_expr(f, "annotation", a->annotation);
    fputc(')', f);
}

static void args_seq(FILE *f, const char *name, const gp_ast_seq_t *s)
{
    fprintf(f, " %s=[", name);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        if (i)
            fputc(' ', f);
        arg(f, GP_SEQ_GET(s, i));
    }
    fputc(']', f);
}

static void arguments(FILE *f, const gp_arguments_t *a)
{
    fputs("(arguments", f);
    args_seq(f, "posonlyargs", a->posonlyargs);
    args_seq(f, "args", a->args);
    fputs(" vararg=", f);
    arg(f, a->vararg);
    args_seq(f, "kwonlyargs", a->kwonlyargs);
    field_exprs(f, "kw_defaults", a->kw_defaults);
    fputs(" kwarg=", f);
    arg(f, a->kwarg);
    field_exprs(f, "defaults", a->defaults);
    fputc(')', f);
}

static void keywords(FILE *f, const gp_ast_seq_t *s)
{
    fputs(" keywords=[", f);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        const gp_keyword_t *k = GP_SEQ_GET(s, i);
        if (i)
            fputc(' ', f);
        fputs("(keyword", f);
        loc(f, &k->loc);
        ident(f, "arg", k->arg);
        field_expr(f, "value", k->value);
        fputc(')', f);
    }
    fputc(']', f);
}

static void generators(FILE *f, const gp_ast_seq_t *s)
{
    fputs(" generators=[", f);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        const gp_comprehension_t *c = GP_SEQ_GET(s, i);
        if (i)
            fputc(' ', f);
        fputs("(comprehension", f);
        field_expr(f, "target", c->target);
        field_expr(f, "iter", c->iter);
        field_exprs(f, "ifs", c->ifs);
        fputc(')', f);
    }
    fputc(']', f);
}

static void constant(FILE *f, const gp_const_t *c)
{
    fputs(" value=", f);
    switch (c->kind) {
    case GP_CONST_NONE: fputs("None", f); break;
    case GP_CONST_TRUE: fputs("True", f); break;
    case GP_CONST_FALSE: fputs("False", f); break;
    case GP_CONST_ELLIPSIS: fputs("Ellipsis", f); break;
    case GP_CONST_INT: fprintf(f, "int:%s", c->text); break;
    case GP_CONST_FLOAT: fprintf(f, "float:%.17g", c->f); break;
    case GP_CONST_IMAG: fprintf(f, "imag:%.17g", c->f); break;
    case GP_CONST_STR: str(f, c->text, c->len); break;
    case GP_CONST_BYTES:
        fputs("b:", f);
        for (size_t i = 0; i < c->len; i++)
            fprintf(f, "%02x", (unsigned char)c->text[i]);
        break;
    }
    ident(f, "kind", c->str_kind);
}

static void expr(FILE *f, const gp_expr_t *e)
{
    static const char *const names[] = {
        "?", "BoolOp", "NamedExpr", "BinOp", "UnaryOp", "Lambda", "IfExp",
        "Dict", "Set", "ListComp", "SetComp", "DictComp", "GeneratorExp",
        "Yield", "YieldFrom", "Compare", "Call", "FormattedValue",
        "JoinedStr", "Constant", "Attribute", "Subscript", "Starred", "Name",
        "List", "Tuple", "Slice"
    };
    if (!e) {
        fputc('-', f);
        return;
    }
    fprintf(f, "(%s", names[e->kind]);
    loc(f, &e->loc);
    switch (e->kind) {
    case GP_E_BOOLOP:
        fprintf(f, " op=%s", e->v.boolop.op == GP_AND ? "And" : "Or");
        field_exprs(f, "values", e->v.boolop.values);
        break;
    case GP_E_NAMEDEXPR:
        field_expr(f, "target", e->v.namedexpr.target);
        field_expr(f, "value", e->v.namedexpr.value);
        break;
    case GP_E_BINOP:
        field_expr(f, "left", e->v.binop.left);
        fprintf(f, " op=%s", binops[e->v.binop.op]);
        field_expr(f, "right", e->v.binop.right);
        break;
    case GP_E_UNARYOP:
        fprintf(f, " op=%s", unops[e->v.unaryop.op]);
        field_expr(f, "operand", e->v.unaryop.operand);
        break;
    case GP_E_LAMBDA:
        fputs(" args=", f);
        arguments(f, e->v.lambda.args);
        field_expr(f, "body", e->v.lambda.body);
        break;
    case GP_E_IFEXP:
        field_expr(f, "test", e->v.ifexp.test);
        field_expr(f, "body", e->v.ifexp.body);
        field_expr(f, "orelse", e->v.ifexp.orelse);
        break;
    case GP_E_DICT:
        field_exprs(f, "keys", e->v.dict.keys);
        field_exprs(f, "values", e->v.dict.values);
        break;
    case GP_E_SET:
        field_exprs(f, "elts", e->v.set.elts);
        break;
    case GP_E_LISTCOMP: case GP_E_SETCOMP: case GP_E_GENERATOREXP:
        field_expr(f, "elt", e->v.comp.elt);
        generators(f, e->v.comp.generators);
        break;
    case GP_E_DICTCOMP:
        field_expr(f, "key", e->v.comp.key);
        field_expr(f, "value", e->v.comp.value);
        generators(f, e->v.comp.generators);
        break;
    case GP_E_YIELD: case GP_E_YIELDFROM:
        field_expr(f, "value", e->v.yield.value);
        break;
    case GP_E_COMPARE:
        field_expr(f, "left", e->v.compare.left);
        fputs(" ops=[", f);
        for (int i = 0; i < e->v.compare.nops; i++)
            fprintf(f, "%s%s", i ? " " : "", cmpops[e->v.compare.ops[i]]);
        fputc(']', f);
        field_exprs(f, "comparators", e->v.compare.comparators);
        break;
    case GP_E_CALL:
        field_expr(f, "func", e->v.call.func);
        field_exprs(f, "args", e->v.call.args);
        keywords(f, e->v.call.keywords);
        break;
    case GP_E_FORMATTEDVALUE:
        field_expr(f, "value", e->v.formatted.value);
        fprintf(f, " conversion=%d", e->v.formatted.conversion);
        field_expr(f, "format_spec", e->v.formatted.format_spec);
        break;
    case GP_E_JOINEDSTR:
        field_exprs(f, "values", e->v.joinedstr.values);
        break;
    case GP_E_CONSTANT:
        constant(f, &e->v.constant);
        break;
    case GP_E_ATTRIBUTE:
        field_expr(f, "value", e->v.attribute.value);
        ident(f, "attr", e->v.attribute.attr);
        fprintf(f, " ctx=%s", ctx_name(e->v.attribute.ctx));
        break;
    case GP_E_SUBSCRIPT:
        field_expr(f, "value", e->v.subscript.value);
        field_expr(f, "slice", e->v.subscript.slice);
        fprintf(f, " ctx=%s", ctx_name(e->v.subscript.ctx));
        break;
    case GP_E_STARRED:
        field_expr(f, "value", e->v.starred.value);
        fprintf(f, " ctx=%s", ctx_name(e->v.starred.ctx));
        break;
    case GP_E_NAME:
        ident(f, "id", e->v.name.id);
        fprintf(f, " ctx=%s", ctx_name(e->v.name.ctx));
        break;
    case GP_E_LIST: case GP_E_TUPLE:
        field_exprs(f, "elts", e->v.seq.elts);
        fprintf(f, " ctx=%s", ctx_name(e->v.seq.ctx));
        break;
    case GP_E_SLICE:
        field_expr(f, "lower", e->v.slice.lower);
        field_expr(f, "upper", e->v.slice.upper);
        field_expr(f, "step", e->v.slice.step);
        break;
    }
    fputc(')', f);
}

static void names(FILE *f, const char *field, const gp_ast_seq_t *s)
{
    fprintf(f, " %s=[", field);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        const char *n = GP_SEQ_GET(s, i);
        if (i)
            fputc(' ', f);
        str(f, n, strlen(n));
    }
    fputc(']', f);
}

static void aliases(FILE *f, const gp_ast_seq_t *s)
{
    fputs(" names=[", f);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        const gp_alias_t *a = GP_SEQ_GET(s, i);
        if (i)
            fputc(' ', f);
        fputs("(alias", f);
        loc(f, &a->loc);
        ident(f, "name", a->name);
        ident(f, "asname", a->asname);
        fputc(')', f);
    }
    fputc(']', f);
}

static void stmt(FILE *f, const gp_stmt_t *s)
{
    static const char *const names_[] = {
        "?", "FunctionDef", "ClassDef", "Return", "Delete", "Assign",
        "AugAssign", "AnnAssign", "For", "While", "If", "With", "Raise",
        "Try", "Assert", "Import", "ImportFrom", "Global", "Nonlocal",
        "Expr", "Pass", "Break", "Continue"
    };
    fprintf(f, "(%s", names_[s->kind]);
    loc(f, &s->loc);
    switch (s->kind) {
    case GP_S_FUNCTIONDEF:
        ident(f, "name", s->v.funcdef.name);
        fputs(" args=", f);
        arguments(f, s->v.funcdef.args);
        fputs(" body=", f);
        stmts(f, s->v.funcdef.body);
        field_exprs(f, "decorator_list", s->v.funcdef.decorator_list);
        field_expr(f, "returns", s->v.funcdef.returns);
        break;
    case GP_S_CLASSDEF:
        ident(f, "name", s->v.classdef.name);
        field_exprs(f, "bases", s->v.classdef.bases);
        keywords(f, s->v.classdef.keywords);
        fputs(" body=", f);
        stmts(f, s->v.classdef.body);
        field_exprs(f, "decorator_list", s->v.classdef.decorator_list);
        break;
    case GP_S_RETURN:
        field_expr(f, "value", s->v.ret.value);
        break;
    case GP_S_DELETE:
        field_exprs(f, "targets", s->v.del.targets);
        break;
    case GP_S_ASSIGN:
        field_exprs(f, "targets", s->v.assign.targets);
        field_expr(f, "value", s->v.assign.value);
        break;
    case GP_S_AUGASSIGN:
        field_expr(f, "target", s->v.augassign.target);
        fprintf(f, " op=%s", binops[s->v.augassign.op]);
        field_expr(f, "value", s->v.augassign.value);
        break;
    case GP_S_ANNASSIGN:
        field_expr(f, "target", s->v.annassign.target);
        field_expr(f, "annotation", s->v.annassign.annotation);
        field_expr(f, "value", s->v.annassign.value);
        fprintf(f, " simple=%d", s->v.annassign.simple);
        break;
    case GP_S_FOR:
        field_expr(f, "target", s->v.forstmt.target);
        field_expr(f, "iter", s->v.forstmt.iter);
        fputs(" body=", f);
        stmts(f, s->v.forstmt.body);
        fputs(" orelse=", f);
        stmts(f, s->v.forstmt.orelse);
        break;
    case GP_S_WHILE: case GP_S_IF:
        field_expr(f, "test", s->v.whilestmt.test);
        fputs(" body=", f);
        stmts(f, s->v.whilestmt.body);
        fputs(" orelse=", f);
        stmts(f, s->v.whilestmt.orelse);
        break;
    case GP_S_WITH:
        fputs(" items=[", f);
        for (int i = 0; i < GP_SEQ_LEN(s->v.with.items); i++) {
            const gp_withitem_t *w = GP_SEQ_GET(s->v.with.items, i);
            fprintf(f, "%s(withitem", i ? " " : "");
            field_expr(f, "context_expr", w->context_expr);
            field_expr(f, "optional_vars", w->optional_vars);
            fputc(')', f);
        }
        fputs("] body=", f);
        stmts(f, s->v.with.body);
        break;
    case GP_S_RAISE:
        field_expr(f, "exc", s->v.raise.exc);
        field_expr(f, "cause", s->v.raise.cause);
        break;
    case GP_S_TRY:
        fputs(" body=", f);
        stmts(f, s->v.trystmt.body);
        fputs(" handlers=[", f);
        for (int i = 0; i < GP_SEQ_LEN(s->v.trystmt.handlers); i++) {
            const gp_excepthandler_t *h =
                GP_SEQ_GET(s->v.trystmt.handlers, i);
            fprintf(f, "%s(ExceptHandler", i ? " " : "");
            loc(f, &h->loc);
            field_expr(f, "type", h->type);
            ident(f, "name", h->name);
            fputs(" body=", f);
            stmts(f, h->body);
            fputc(')', f);
        }
        fputs("] orelse=", f);
        stmts(f, s->v.trystmt.orelse);
        fputs(" finalbody=", f);
        stmts(f, s->v.trystmt.finalbody);
        break;
    case GP_S_ASSERT:
        field_expr(f, "test", s->v.assertstmt.test);
        field_expr(f, "msg", s->v.assertstmt.msg);
        break;
    case GP_S_IMPORT:
        aliases(f, s->v.import.names);
        break;
    case GP_S_IMPORTFROM:
        ident(f, "module", s->v.importfrom.module);
        aliases(f, s->v.importfrom.names);
        fprintf(f, " level=%d", s->v.importfrom.level);
        break;
    case GP_S_GLOBAL: case GP_S_NONLOCAL:
        names(f, "names", s->v.global.names);
        break;
    case GP_S_EXPR:
        field_expr(f, "value", s->v.expr.value);
        break;
    default:
        break;
    }
    fputc(')', f);
}

static void stmts(FILE *f, const gp_ast_seq_t *s)
{
    fputc('[', f);
    for (int i = 0; i < GP_SEQ_LEN(s); i++) {
        if (i)
            fputc(' ', f);
        stmt(f, GP_SEQ_GET(s, i));
    }
    fputc(']', f);
}

void gp_ast_dump(FILE *f, const gp_mod_t *m)
{
    switch (m->kind) {
    case GP_MOD_MODULE:
        fputs("(Module body=", f);
        stmts(f, m->body);
        break;
    case GP_MOD_INTERACTIVE:
        fputs("(Interactive body=", f);
        stmts(f, m->body);
        break;
    case GP_MOD_EXPRESSION:
        fputs("(Expression body=", f);
        expr(f, m->expr);
        break;
    }
    fputs(")\n", f);
}

/* Python's repr() of a str, for the ASCII-ish text of error lines. */
static void pyrepr(FILE *f, const char *s)
{
    if (!s) {
        fputs("None", f);
        return;
    }
    char q = strchr(s, '\'') && !strchr(s, '"') ? '"' : '\'';
    fputc(q, f);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\')
            fputs("\\\\", f);
        else if (c == (unsigned char)q)
            fprintf(f, "\\%c", q);
        else if (c == '\n')
            fputs("\\n", f);
        else if (c == '\t')
            fputs("\\t", f);
        else if (c == '\r')
            fputs("\\r", f);
        else if (c < 0x20 || c == 0x7f)
            fprintf(f, "\\x%02x", c);
        else
            fputc(c, f);
    }
    fputc(q, f);
}

void gp_ast_dump_error(FILE *f, const gp_tok_error_t *e)
{
    fprintf(f, "error %s|%s|%d|%d|%d|%d|", e->type_name, e->msg, e->lineno,
            e->offset, e->end_lineno, e->end_offset);
    pyrepr(f, e->text);
    fputc('\n', f);
}
