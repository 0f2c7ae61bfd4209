# A trace where a few models each get thousands of holders in the simulator: N jobs over M models
# (weights 1/rank^0.9), each model with its own load (50 ms to 20 s) and job time (1 ms to 2 s),
# all at t=0 ("zero") or at 2 jobs per ms ("spread"); 1 in 10 jobs with priority 5 or -3.
# An outside tester's generator, kept to reproduce bench/RESULTS.md (Many workers).
#
#   python3 bench/hot-models.py 1000000 30 zero 3 | head -300001 > bench/out/hot-300000.csv
import random, sys
n, models, mode, seed = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
r = random.Random(seed)
cost = {}
for i in range(models):
    cost[i] = (r.choice([50, 200, 1000, 5000, 20000]), r.choice([1, 5, 20, 100, 2000]))
# zipf-ish weights
w = [1.0 / (i + 1) ** 0.9 for i in range(models)]
picks = r.choices(range(models), weights=w, k=n)
out = sys.stdout
out.write('arrival_ms,model,load_ms,process_ms,priority\n')
t = 0.0
lines = []
for k, m in enumerate(picks):
    if mode == 'spread':
        t += r.expovariate(2.0)   # 2 jobs per ms
    pr = r.choice([0] * 18 + [5, -3])
    lines.append('%d,model-%05d,%d,%d,%d\n' % (int(t), m, cost[m][0], cost[m][1], pr))
out.writelines(lines)
