/*
 * spank_glue.c: the native half of spank_ibm_qrun.so.
 *
 * SPANK needs exported data symbols and variadic host functions, which C# cannot express, and the
 * .NET runtime must not start where it is not needed. So this file owns three things and nothing else:
 *   1. the plugin's identity (SPANK_PLUGIN: plugin_name, plugin_type, plugin_version), compiled against
 *      the target Slurm's headers so that plugin_version matches that release;
 *   2. the dispatch of SPANK callbacks, deciding *whether* managed code runs at all:
 *        - slurmd and prolog/epilog contexts: nothing, ever (the runtime never starts in slurmd);
 *        - sbatch/salloc/srun (local, as the user): values that are certainly valid are accepted here;
 *          the managed validator runs only to refuse a value, with a message that says why;
 *        - slurmstepd parent (remote, root, multithreaded): option values are stored here, in C, and no
 *          managed code runs (a runtime started here would be inherited half-alive by every forked
 *          task child, which .NET does not support, and costs ~11 ms per step, see architecture.md);
 *        - the forked task child (task_init, as the job user, single-threaded, about to exec): a fresh
 *          runtime computes and sets the task's IBMQRUN_* environment, only when an option was given;
 *   3. a table of host services (logging, environment, job items) handed to managed code, so that
 *      managed code never calls a variadic function or a spank_* symbol itself.
 */
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <unistd.h>

#include <slurm/spank.h>

#include "spank_glue.h"

SPANK_PLUGIN(spank_ibm_qrun, 1);

#define QRUN_PREFIX "spank_ibm_qrun: "

/* What sbatch/salloc/srun exit with when they refuse an option value (as they do for their own options). */
#define QRUN_SUBMIT_REFUSED_EXIT 255
/* What a task exits with when the plugin cannot give it the environment it asked for. */
#define QRUN_TASK_FAILED_EXIT 1

/* Values of --q-backend / --q-primitive as Slurm handed them to the option callback (NULL: not given). */
static char *requested_backend;
static char *requested_primitive;
/* Set when storing a value failed (out of memory): task_init then refuses instead of guessing. */
static int request_lost;

static void host_log(int level, const char *message)
{
    /* Always a constant format: a message may contain user-supplied text. */
    switch (level) {
    case QRUN_LOG_ERROR:
        slurm_error(QRUN_PREFIX "%s", message);
        break;
    case QRUN_LOG_INFO:
        slurm_info(QRUN_PREFIX "%s", message);
        break;
    default:
        slurm_debug(QRUN_PREFIX "%s", message);
        break;
    }
}

static int host_set_env(void *sp, const char *name, const char *value)
{
    return spank_setenv((spank_t)sp, name, value, 1) == ESPANK_SUCCESS ? 0 : -1;
}

static int host_get_env(void *sp, const char *name, char *buf, int len)
{
    const char *value;

    if (sp != NULL && spank_remote((spank_t)sp))
        return spank_getenv((spank_t)sp, name, buf, len) == ESPANK_SUCCESS ? 0 : -1;
    value = getenv(name);
    if (value == NULL || len <= 0 || strlen(value) >= (size_t)len)
        return -1;
    memcpy(buf, value, strlen(value) + 1);
    return 0;
}

static int host_get_u32_item(void *handle, int item, uint32_t *out)
{
    spank_t sp = (spank_t)handle;
    uid_t uid;

    switch (item) {
    case QRUN_ITEM_JOB_ID:
        return spank_get_item(sp, S_JOB_ID, out) == ESPANK_SUCCESS ? 0 : -1;
    case QRUN_ITEM_JOB_UID:
        if (spank_get_item(sp, S_JOB_UID, &uid) != ESPANK_SUCCESS)
            return -1;
        *out = (uint32_t)uid;
        return 0;
    default:
        return -1;
    }
}

static struct qrun_host_table make_host(spank_t sp)
{
    struct qrun_host_table host = {
        .abi_version = QRUN_HOST_ABI_VERSION,
        .sp = sp,
        .log = host_log,
        .set_env = host_set_env,
        .get_env = host_get_env,
        .get_u32_item = host_get_u32_item,
    };
    return host;
}

/*
 * The .NET runtime ignores SIGPIPE process-wide when it starts, and an ignored signal stays ignored
 * across exec: a task, or a command started by salloc, would inherit it. slurmstepd unblocks signals in
 * the task child before task_init, so nothing after us would reset it. Every call into managed code is
 * therefore bracketed by a save and a restore of SIGPIPE's disposition.
 */
struct saved_sigpipe {
    struct sigaction action;
    int saved;
};

static void save_sigpipe(struct saved_sigpipe *s)
{
    s->saved = sigaction(SIGPIPE, NULL, &s->action) == 0;
}

static void restore_sigpipe(const struct saved_sigpipe *s)
{
    if (s->saved)
        sigaction(SIGPIPE, &s->action, NULL);
}

/*
 * Ends sbatch/salloc/srun after a refusal. Slurm ignores the return code of an `optional` plugin's
 * callbacks (other than option callbacks), so the glue ends the command itself, before anything is
 * queued. _exit, after flushing stdio: exit() would run sbatch's atexit teardown of the plugin stack
 * while Slurm is still iterating over it.
 */
static void refuse_submission(void)
{
    fflush(NULL);
    _exit(QRUN_SUBMIT_REFUSED_EXIT);
}

/*
 * Whether the managed validator certainly accepts `value`. sbatch/salloc/srun then need no .NET runtime
 * at all (starting one costs ~0.9 ms per command); anything else goes to the managed validator, which
 * decides and words the message. This must accept a subset of what OptionValidator accepts: the tests
 * compare both on a corpus of values through the built library.
 */
static int certainly_valid(int option, const char *value)
{
    size_t length = 0;
    const char *c;

    if (value == NULL)
        return 0;
    if (option == QRUN_OPTION_PRIMITIVE)
        return strcasecmp(value, "sampler") == 0 || strcasecmp(value, "estimator") == 0;
    for (c = value; *c != '\0'; c++, length++) {
        int ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
                 *c == '_' || *c == '-' || *c == '.';
        if (!ok || length >= QRUN_MAX_BACKEND_LENGTH)
            return 0;
    }
    return length > 0;
}

static int store_value(char **slot, const char *value)
{
    char *copy = strdup(value != NULL ? value : "");
    if (copy == NULL) {
        request_lost = 1;
        return -1;
    }
    free(*slot);
    *slot = copy;
    return 0;
}

/*
 * Option callback. Slurm calls it once per occurrence (sbatch: #SBATCH lines, then the environment, then
 * the command line), so storing the latest value is idempotent and the command line wins.
 * remote=0: sbatch/salloc/srun as the user: validate now, so a bad value is refused before anything is queued.
 * remote=1: slurmstepd parent as root: only store the value (no managed code here, see the file comment).
 */
static int on_option(int val, const char *optarg, int remote)
{
    char **slot = val == QRUN_OPTION_BACKEND ? &requested_backend : &requested_primitive;

    if (!remote && !certainly_valid(val, optarg)) {
        struct qrun_host_table host = make_host(NULL);
        struct saved_sigpipe sigpipe;
        int rc;

        save_sigpipe(&sigpipe);
        rc = spank_qrun_managed_check_option(&host, val, optarg);
        restore_sigpipe(&sigpipe);
        if (rc != 0)
            return -1;
    }

    if (store_value(slot, optarg) != 0) {
        slurm_error(QRUN_PREFIX "out of memory while storing an option value");
        return remote ? 0 : -1;
    }
    return 0;
}

static struct spank_option qrun_options[] = {
    { "q-backend", "name", "Name of Qiskit backend.", 1, QRUN_OPTION_BACKEND, on_option },
    { "q-primitive", "type", "Qiskit primitive type(sampler or estimator).", 1, QRUN_OPTION_PRIMITIVE,
      on_option },
    SPANK_OPTIONS_TABLE_END
};

/*
 * Runs in srun, sbatch/salloc (as the user), slurmstepd (root) and slurmd (root). Options can only be
 * registered here, and must be registered in every context that uses them.
 */
int slurm_spank_init(spank_t sp, int ac, char **av)
{
    spank_context_t context = spank_context();
    struct spank_option *opt;

    (void)ac;
    (void)av;
    /* slurmd loads the plugin only because this symbol exists; it has nothing to do there. */
    if (context != S_CTX_LOCAL && context != S_CTX_ALLOCATOR && context != S_CTX_REMOTE)
        return 0;

    for (opt = qrun_options; opt->name != NULL; opt++) {
        if (spank_option_register(sp, opt) != ESPANK_SUCCESS) {
            if (context != S_CTX_REMOTE) {
                slurm_error(QRUN_PREFIX "could not register --%s", opt->name);
                return -1;
            }
            /* A failing remote init would drain the node: say what it costs and go on. */
            slurm_error(QRUN_PREFIX "could not register --%s in slurmstepd: tasks of this step that asked "
                                    "for a backend get no IBMQRUN_* environment",
                        opt->name);
            return 0;
        }
    }
    return 0;
}

/*
 * Runs after all options are applied. On the submitting side (as the user) this is where checks across
 * options belong: --q-primitive needs a backend, given now or inherited (an srun inside a batch job that
 * was submitted with --q-backend). In slurmstepd nothing happens here: errors are reported from
 * task_init, where the user sees them and the node is not drained.
 */
int slurm_spank_init_post_opt(spank_t sp, int ac, char **av)
{
    struct qrun_host_table host;
    struct saved_sigpipe sigpipe;
    int rc;

    (void)ac;
    (void)av;
    if (spank_remote(sp) || requested_backend != NULL || requested_primitive == NULL ||
        getenv(QRUN_BACKEND_VARIABLE) != NULL)
        return 0;

    host = make_host(sp);
    save_sigpipe(&sigpipe);
    rc = spank_qrun_managed_check_request(&host, requested_backend, requested_primitive);
    restore_sigpipe(&sigpipe);
    if (rc != 0)
        refuse_submission();
    return 0;
}

/*
 * Runs in the forked task child, as the job user, just before exec. The slurmstepd parent never started
 * the runtime, so the child may start its own; it is single-threaded until then and execs right after.
 * Jobs that did not ask for a backend never enter managed code, so a broken site configuration cannot
 * touch them. A job that did ask and cannot be served fails here: with an `optional` plugin Slurm would
 * ignore our return code and run the task without its environment, so the child exits itself, as
 * slurmstepd does for a failing `required` plugin (with _exit: the child shares slurmstepd's stdio
 * buffers, which must not be flushed twice).
 */
int slurm_spank_task_init(spank_t sp, int ac, char **av)
{
    struct qrun_host_table host;
    struct saved_sigpipe sigpipe;
    int rc;

    if (!spank_remote(sp))
        return 0;
    if (requested_backend == NULL && requested_primitive == NULL && !request_lost) {
        slurm_debug(QRUN_PREFIX "slurm_spank_task_init: no --q-backend requested, nothing to do");
        return 0;
    }
    if (request_lost) {
        slurm_error(QRUN_PREFIX "an option value was lost (out of memory); the task cannot get its IBMQRUN_* environment");
        _exit(QRUN_TASK_FAILED_EXIT);
    }

    host = make_host(sp);
    save_sigpipe(&sigpipe);
    rc = spank_qrun_managed_task_init(&host, ac, (const char *const *)av, requested_backend, requested_primitive);
    restore_sigpipe(&sigpipe);
    if (rc != 0)
        _exit(QRUN_TASK_FAILED_EXIT);
    return 0;
}
